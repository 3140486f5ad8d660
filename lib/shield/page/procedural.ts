import { sendMessage } from '@/lib/messaging';
import { targetFor, targetNamed } from '@/lib/shield/targets';
import type { ShieldHello } from '@/lib/shield/hello';
import type { ProceduralRule, SiteAdapter } from '@/lib/sites/types';
import type { Surface } from '@/lib/model';

type Styled = HTMLElement | SVGElement;
interface Hidden {
  rule: ProceduralRule;
  /** The element's own inline display before we hid it, restored if it stops being theirs. */
  display: string;
  priority: string;
}

/** Hides with an inline style only: the element's own attributes carry no identifier. */
function hide(element: Styled, rule: ProceduralRule, hidden: WeakMap<Element, Hidden>): void {
  if (!hidden.has(element)) {
    hidden.set(element, { rule, display: element.style.getPropertyValue('display'), priority: element.style.getPropertyPriority('display') });
  }
  element.style.setProperty('display', 'none', 'important');
}

/** Virtual lists recycle nodes: a row that no longer shows them is given back as it was. */
function unhide(element: Styled, hidden: WeakMap<Element, Hidden>): void {
  const before = hidden.get(element);
  if (!before) return;
  hidden.delete(element);
  if (before.display) element.style.setProperty('display', before.display, before.priority);
  else element.style.removeProperty('display');
}

/** Elements a rule may read under a changed root, and the one around it (a recycled row). */
function candidates(root: Element, selector: string): Element[] {
  const around = root.closest(selector);
  return [...(around ? [around] : []), ...root.querySelectorAll(selector)];
}

/**
 * Runs the adapter's procedural rules (text-matched hiding, chats opened without a URL) and
 * learn rules over newly added elements. Null when the adapter has none.
 */
export function proceduralScanner(
  adapter: SiteAdapter,
  hello: ShieldHello,
  block: (personId: number, surface: Surface) => void,
  onLearned: () => void,
): ((roots: Element[]) => void) | null {
  const rules = adapter.procedural ?? [];
  const learners = adapter.learn ?? [];
  if (rules.length === 0 && learners.length === 0) return null;
  const visible = hello.targets.filter((target) => !hello.passed.includes(target.personId));
  const hidden = new WeakMap<Element, Hidden>();

  return (roots) => {
    for (const root of roots) {
      for (const rule of rules) {
        for (const element of candidates(root, rule.selector)) {
          if (!(element instanceof HTMLElement || element instanceof SVGElement)) continue;
          const target = targetNamed(visible, rule.read(element));
          if (target && rule.action === 'shield') return block(target.personId, rule.surface);
          if (target) hide(element, rule, hidden);
          else if (hidden.get(element)?.rule === rule) unhide(element, hidden);
        }
      }
      for (const learner of learners) {
        for (const element of candidates(root, learner.selector)) {
          const pair = learner.read(element);
          const target = pair && targetFor(hello.targets, [pair.identifier]);
          if (!pair || !target || target.keys.includes(pair.key)) continue;
          target.keys.push(pair.key);
          void sendMessage('cs-bg-learn', { key: pair.key, personId: target.personId }).catch(() => undefined);
          onLearned();
        }
      }
    }
  };
}
