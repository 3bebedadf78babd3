import type { Locator, Page } from 'playwright-core';

/**
 * The main menu's links a person cannot see and tap as they stand: partly outside the window, or covered (clipped by
 * a scrolling menu row). Names, for a readable failure.
 */
export function menuLinksOutOfReach(page: Page): Promise<string[]> {
  return page
    .getByRole('banner')
    .getByRole('navigation')
    .getByRole('link')
    .evaluateAll((links) =>
      links
        .filter((link) => {
          const box = link.getBoundingClientRect();
          const inside =
            box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth + 0.5;
          const hit = document.elementFromPoint(box.left + box.width - 2, box.top + box.height / 2);
          return !inside || !(hit && link.contains(hit));
        })
        .map((link) => link.textContent ?? ''),
    );
}

/**
 * Words in the element's text that the layout split over two lines ("Telefo|on"). Words are cut at spaces and
 * hyphens, where a line may break.
 */
export function wordsBrokenInside(element: Locator): Promise<string[]> {
  return element.evaluate((root) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (node.parentElement && getComputedStyle(node.parentElement).display === 'none') continue;
      for (const match of text.matchAll(/[^\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/**
 * The `tel:` links in the element that do not sit whole on one line inside their own table cell: wrapped onto a
 * second line, or running over into the next column or out of the window.
 */
export function phoneLinksOutOfPlace(element: Locator): Promise<string[]> {
  return element.evaluate((root) =>
    [...root.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')]
      .filter((link) => {
        const lines = new Set([...link.getClientRects()].map((rect) => Math.round(rect.top)));
        const box = link.getBoundingClientRect();
        const cell = link.closest('td, th')?.getBoundingClientRect();
        const inCell = cell !== undefined && box.left >= cell.left - 0.5 && box.right <= cell.right + 0.5;
        return lines.size !== 1 || !inCell || box.right > window.innerWidth;
      })
      .map((link) => link.textContent ?? ''),
  );
}

/**
 * Elements in the element that reach past the window's right edge, other than inside a container that scrolls
 * sideways on its own or content hidden for screen readers only (clipped to nothing).
 */
export function elementsPastWindow(element: Locator): Promise<string[]> {
  return element.evaluate((root) => {
    const exempt = (el: Element): boolean => {
      for (let at: Element | null = el; at && at !== document.body; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.clipPath !== 'none') return true;
        if (at !== el && (style.overflowX === 'auto' || style.overflowX === 'scroll')) return true;
      }
      return false;
    };
    return [...root.querySelectorAll('*')]
      .filter(
        (el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > window.innerWidth + 0.5,
      )
      .filter((el) => !exempt(el))
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').slice(0, 30)}"`);
  });
}
