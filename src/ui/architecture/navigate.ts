/**
 * Pressing a block takes the reader to its detailed view: the section scrolls into view and
 * its heading takes the focus, so a keyboard user goes on reading from there. Smooth only when
 * the reader has not asked for reduced motion.
 */
export function goToSection(id: string): void {
  const section = document.getElementById(id);
  if (!section) return;
  const heading = section.querySelector<HTMLElement>('h2') ?? section;
  // Headings are not focusable by default; -1 lets a script focus them without adding a tab stop.
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  section.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
  // preventScroll: focusing would otherwise jump there at once and cut the smooth scroll short.
  heading.focus({ preventScroll: true });
}
