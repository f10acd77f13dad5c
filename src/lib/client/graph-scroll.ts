/**
 * Marks each scrollable graph box (`.graph-wrap`) with `overflows` while its drawing is wider than
 * the box, and keeps the mark right as the window is resized: the page's style then shows the
 * "scroll sideways" hint only when there is something to scroll to.
 */
export function markOverflowingGraphs(root: ParentNode): void {
  for (const wrap of root.querySelectorAll<HTMLElement>('.graph-wrap')) {
    const update = (): void => {
      wrap.classList.toggle('overflows', wrap.scrollWidth > wrap.clientWidth + 1);
    };
    new ResizeObserver(update).observe(wrap);
    update();
  }
}
