import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab reaches inside `root`, in order (those in a hidden part left out). */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden], [inert]'));
}

/**
 * Keeps keyboard focus inside `ref` while `active`, as a modal dialog that is
 * not a native <dialog> must: focus moves in when it opens (to `initial`, or
 * the container), Tab and Shift+Tab wrap around its controls, focus that
 * leaves it (a click behind, a screen reader's jump) is brought back, and when
 * it closes focus returns to the element that had it before (or to `opener()`
 * when that was nothing: Safari does not focus a clicked button).
 */
export function useFocusTrap(
  ref: RefObject<HTMLElement | null>,
  active: boolean,
  initial?: RefObject<HTMLElement | null>,
  opener?: () => HTMLElement | null,
) {
  const openerRef = useRef(opener);
  openerRef.current = opener;
  useEffect(() => {
    const root = ref.current;
    if (!active || !root) return;
    const before = document.activeElement;
    const back =
      before instanceof HTMLElement && before !== document.body && !root.contains(before)
        ? before
        : (openerRef.current?.() ?? null);
    (initial?.current ?? root).focus({ preventScroll: true });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const items = focusables(root);
      const current = document.activeElement as HTMLElement | null;
      if (!items.length) {
        event.preventDefault();
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      const inItems = current ? items.includes(current) : false;
      if (event.shiftKey && (current === first || !inItems)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (current === last || !current || !root.contains(current))) {
        event.preventDefault();
        first.focus();
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !root.contains(event.target)) (focusables(root)[0] ?? root).focus();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      // Only when focus was still inside (or dropped to the page): a click elsewhere keeps its own focus.
      const now = document.activeElement;
      if (!now || now === document.body || root.contains(now) || !root.isConnected)
        back?.focus({ preventScroll: true });
    };
  }, [active, ref, initial]);
}
