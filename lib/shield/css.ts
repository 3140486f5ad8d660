import type { SiteAdapter } from '../sites/types';
import { identifierKind } from '../sites/types';
import type { Target } from './targets';

/** Lifts the curtain that the content script's static stylesheet puts over every page. */
export const LIFT_CURTAIN = 'html { opacity: 1 !important; }';

/** Escapes text for use inside a double-quoted CSS string. */
export function cssString(text: string): string {
  return text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/**
 * The stylesheet that hides every target on a site. One rule per selector, so a selector a
 * browser cannot parse drops only itself. Injected with user origin: the page can neither
 * read it nor out-specify it.
 */
export function compileCss(adapter: SiteAdapter, targets: Target[]): string {
  const rules: string[] = [];
  for (const target of targets) {
    for (const identifier of target.identifiers) {
      const kind = identifierKind(identifier);
      for (const rule of adapter.rules) {
        if (rule.kind !== kind) continue;
        rules.push(`${rule.selector.replaceAll('{id}', cssString(identifier))} { display: none !important; }`);
      }
    }
  }
  return rules.join('\n');
}
