import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';

export interface ModalProps {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  /** Buttons at the bottom; inside the form when onSubmit is given. */
  actions: ReactNode;
  onClose: () => void;
  /** Makes the dialog a form (Enter submits). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** While busy, Escape does not close. */
  busy?: boolean;
  wide?: boolean;
}

/**
 * A modal on the native <dialog> (focus moves in and is trapped, Escape
 * closes, focus returns to the opener), for content beyond a confirmation.
 */
export function Modal({ open, title, children, actions, onClose, onSubmit, busy = false, wide = false }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const uid = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const body = (
    <>
      <h2 className="dialog__title" id={`${uid}-title`}>
        {title}
      </h2>
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">{actions}</div>
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={`${uid}-title`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      {open &&
        (onSubmit ? (
          <form noValidate onSubmit={onSubmit}>
            {body}
          </form>
        ) : (
          body
        ))}
    </dialog>
  );
}
