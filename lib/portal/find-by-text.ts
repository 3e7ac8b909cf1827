/**
 * Finding elements by their text, fast enough for big portal pages: native tree walkers and selector
 * engines find candidates, and only those have their ancestors checked. What "hidden" means is
 * `visibility.ts`; a search only leaves out what the markup hides unless asked to look `bySight`
 * (a block in a tab not shown right now is still found; the reader then decides whether to read it).
 */
import { foldText } from './text';
import { hiddenByStyle, hidesItsContent, isHiddenElement, visibleText } from './visibility';

/**
 * The widest element around `element` whose visible text is the same (a label's cell or box, a
 * heading with its icon), not going up to `root`.
 */
export function widestWithSameText(element: HTMLElement, root?: Element): HTMLElement {
  let box = element;
  const text = visibleText(element);
  while (box.parentElement && box.parentElement !== root && visibleText(box.parentElement) === text) {
    box = box.parentElement;
  }
  return box;
}

/** The nodes that contain none of the others (the deepest matches). */
export function deepest<T extends Node>(nodes: readonly T[]): T[] {
  return nodes.filter((node) => !nodes.some((other) => other !== node && node.contains(other)));
}

/** Every element under `root` (document order) that the operator can see from `root` and not one of ours. */
export function visibleElements(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (parent: ParentNode): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (isHiddenElement(child)) continue;
      found.push(child as HTMLElement);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** Whether something between `element` (included) and `root` (excluded) hides it. */
function hiddenBelow(element: Element, root: Node, bySight: boolean): boolean {
  for (let current: Element | null = element; current && current !== root; current = current.parentElement) {
    if (bySight ? isHiddenElement(current) : hidesItsContent(current)) return true;
  }
  return false;
}

/**
 * `visibleElements(root)` that match `selector`, found by the browser's selector engine: only the
 * matches have their ancestors checked, instead of a script walk over every element of the page.
 * `mayMatch`: a cheap test run first, so elements that cannot be wanted have no style computed.
 */
export function visibleElementsMatching(
  root: ParentNode,
  selector: string,
  mayMatch: (element: HTMLElement) => boolean = () => true,
): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter(
    (element) => mayMatch(element) && !hiddenBelow(element, root as Node, true),
  );
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/**
 * The text nodes under `root` (document order) whose text `accept`s and that nothing between them and
 * `root` hides (by markup; also by computed style when `bySight`). `root` itself may be hidden. The
 * nodes come from a native tree walker and only the accepted ones have their ancestors checked: on a
 * cold page (a content script's first read) visiting every element from script costs far more.
 */
export function visibleTextNodesWhere(
  root: Node,
  accept: (text: string) => boolean,
  bySight = false,
): Text[] {
  const found: Text[] = [];
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!accept(node.nodeValue ?? '')) continue;
    const parent = node.parentElement;
    // A text is seen when its element shows its own text (`visibility` may hide it alone).
    if (!parent || (bySight && parent !== root && hiddenByStyle(parent))) continue;
    if (!hiddenBelow(parent, root, bySight)) found.push(node as Text);
  }
  return found;
}

/**
 * The deepest elements under `root` not hidden by markup whose visible text `accept`s, found from the
 * text nodes whose folded text contains `hint` (one word the text must hold) rather than by reading
 * every element: portal pages are big, the texts we look for are short (at most `maxLength` characters).
 */
export function findByText(
  root: ParentNode,
  hint: string,
  accept: (text: string) => boolean,
  maxLength = 200,
): HTMLElement[] {
  const found = new Set<HTMLElement>();
  const foldedHint = foldText(hint);
  const rootNode = root as Node;
  const holdsHint = (raw: string) =>
    // Folding is costly: plain ASCII text (line breaks of indented markup included) only needs
    // lower-casing; the hint is one word, so how spaces are folded cannot change whether it is there.
    (/[^\t\n\r\x20-\x7E]/.test(raw) ? foldText(raw) : raw.toLowerCase()).includes(foldedHint);
  for (const node of visibleTextNodesWhere(rootNode, holdsHint)) {
    const parent = node.parentElement as HTMLElement;
    for (let element: HTMLElement | null = parent; element; element = element.parentElement) {
      if (element !== root && !rootNode.contains(element)) break;
      if ((element.textContent ?? '').length > maxLength * 4) break;
      if (accept(visibleText(element))) {
        found.add(element);
        break;
      }
      if (element === root) break;
    }
  }
  return deepest([...found]).sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}
