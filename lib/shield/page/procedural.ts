import { sendMessage } from '@/lib/messaging';
import { targetFor, targetNamed, targetsToHide } from '@/lib/shield/targets';
import type { ShieldHello } from '@/lib/shield/hello';
import type { LearnRule, ProceduralRule, SiteAdapter } from '@/lib/sites/types';
import type { PageSurface } from '@/lib/model';
import type { Guard } from './guard';

type Styled = Element & ElementCSSInlineStyle;
interface Hidden {
  rule: ProceduralRule;
  /** The element's own inline display before we hid it, restored if it stops being theirs. */
  display: string;
  priority: string;
}

/** Hides with an inline style only: the element's own attributes carry no identifier. True when it was showing. */
function hide(element: Styled, rule: ProceduralRule, hidden: WeakMap<Element, Hidden>): boolean {
  const newly = !hidden.has(element);
  if (newly) {
    hidden.set(element, { rule, display: element.style.getPropertyValue('display'), priority: element.style.getPropertyPriority('display') });
  }
  element.style.setProperty('display', 'none', 'important');
  return newly;
}

/** Virtual lists recycle nodes: a row that no longer shows them is given back as it was. */
function unhide(element: Styled, hidden: WeakMap<Element, Hidden>): void {
  const before = hidden.get(element);
  if (!before) return;
  hidden.delete(element);
  if (before.display) element.style.setProperty('display', before.display, before.priority);
  else element.style.removeProperty('display');
}

/** Only elements with an inline style can be hidden (HTML, SVG, MathML). */
const styled = (element: Element): element is Styled => 'style' in element;

/** Elements a rule may read under a changed root, and the one around it (a recycled row). */
function candidates(root: Element, selector: string): Element[] {
  const around = root.closest(selector);
  return [...(around ? [around] : []), ...root.querySelectorAll(selector)];
}

/**
 * Runs the adapter's procedural rules (text-matched hiding, chats opened without a URL) and
 * learn rules over newly added elements. Null when the adapter has none. Adapter code runs
 * under `guard`: a rule that throws on one element still reads the rest, and the other rules run.
 */
export function proceduralScanner(
  adapter: SiteAdapter,
  hello: ShieldHello,
  guard: Guard,
  block: (personId: number, surface: PageSurface) => void,
  onLearned: () => void,
  onHidden: (element: Element) => void,
): ((roots: Element[]) => void) | null {
  const rules = adapter.procedural ?? [];
  const learners = adapter.learn ?? [];
  if (rules.length === 0 && learners.length === 0) return null;
  const hidden = new WeakMap<Element, Hidden>();
  // The selectors are the adapter's too: one this browser can't parse throws.
  const candidatesOf = (root: Element, selector: string) => guard.run(() => candidates(root, selector), []);

  /** Hides or gives back what one rule reads under `root`; true when the page is being left. */
  const apply = (root: Element, rule: ProceduralRule, visible: ShieldHello['targets']) =>
    guard.some(candidatesOf(root, rule.selector), (element) => {
      if (!styled(element)) return false;
      const target = targetNamed(visible, rule.read(element));
      if (target && rule.action === 'shield') {
        block(target.personId, rule.surface);
        return true;
      }
      if (target) {
        if (hide(element, rule, hidden)) onHidden(element);
      } else if (hidden.get(element)?.rule === rule) unhide(element, hidden);
      return false;
    });

  const learn = (root: Element, learner: LearnRule) =>
    guard.some(candidatesOf(root, learner.selector), (element) => {
      const pair = learner.read(element);
      const target = pair && targetFor(hello.targets, [pair.identifier]);
      if (!pair || !target || target.keys.includes(pair.key)) return false;
      target.keys.push(pair.key);
      void sendMessage('cs-bg-learn', { key: pair.key, personId: target.personId }).catch(() => undefined);
      onLearned();
      return false;
    });

  return (roots) => {
    // Read at each scan: the targets change when the person's accounts do (see index.ts).
    const visible = targetsToHide(hello.targets, hello.passed);
    for (const root of roots) {
      for (const rule of rules) if (apply(root, rule, visible)) return;
      for (const learner of learners) learn(root, learner);
    }
  };
}
