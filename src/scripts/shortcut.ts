/**
 * `/` moves to search, on every page: it focuses the page's own search box, or opens the
 * search page with its box focused. The elements that answer carry `aria-keyshortcuts="/"`.
 * A `/` typed into a field stays a `/`.
 */
const SEARCH_BOX = '#search-input';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const box = document.querySelector<HTMLInputElement>('input[aria-keyshortcuts="/"]');
  const link = document.querySelector<HTMLAnchorElement>('a[aria-keyshortcuts="/"]');
  if (!box && !link) return;
  event.preventDefault();
  if (box) box.focus();
  else location.assign(`${link!.href}${SEARCH_BOX}`);
});

if (location.hash === SEARCH_BOX) document.querySelector<HTMLInputElement>(SEARCH_BOX)?.focus();
