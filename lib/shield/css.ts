import type { HideRule } from '../sites/types';
import { identifierKind } from '../sites/types';
import type { Target } from './targets';

/** Lifts the curtain that the content script's static stylesheet puts over every page. */
export const LIFT_CURTAIN = 'html { opacity: 1 !important; }';

/** Escapes text for use inside a double-quoted CSS string. */
export function cssString(text: string): string {
  return text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/** Every rule of a site instantiated for every identifier of every target there. */
export function compileSelectors(rules: readonly HideRule[], targets: Target[]): string[] {
  return targets.flatMap((target) =>
    target.identifiers.flatMap((identifier) => {
      const kind = identifierKind(identifier);
      return rules
        .filter((rule) => rule.kind === kind)
        .map((rule) => rule.selector.replaceAll('{id}', cssString(identifier)));
    }),
  );
}

/**
 * The stylesheet that hides every target on a site. One rule per selector, so a selector a
 * browser cannot parse drops only itself. Injected with user origin: the page can neither
 * read it nor out-specify it.
 */
export function compileCss(selectors: string[]): string {
  return selectors.map((selector) => `${selector} { display: none !important; }`).join('\n');
}
