import { type RefObject, useCallback, useEffect, useState } from 'react';

/** Open disclosures, innermost last: Escape closes only the most recently opened one. */
const openStack: symbol[] = [];

/**
 * Open/close state for a menu or panel. Escape closes it and returns focus to
 * the toggle (nested menus close one at a time, innermost first); a pointer
 * press outside `container` closes it too.
 */
export function useDisclosure(container: RefObject<HTMLElement | null>, toggle: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const toggleOpen = useCallback(() => setOpen((o) => !o), []);

  useEffect(() => {
    if (!open) return;
    const me = Symbol('disclosure');
    openStack.push(me);
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape' || openStack[openStack.length - 1] !== me) return;
      // Leave this one on top until cleanup runs, so outer disclosures ignore this keypress.
      setOpen(false);
      toggle.current?.focus();
    }
    function onPointer(event: PointerEvent) {
      if (container.current && !container.current.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      openStack.splice(openStack.indexOf(me), 1);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, container, toggle]);

  return { open, close, toggle: toggleOpen };
}
