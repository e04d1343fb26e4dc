/**
 * jsdom has <dialog> but not showModal(), close() or the Escape key's
 * "cancel": this does what browsers do, for tests of modal dialogs. Import it
 * once in a test file (it installs itself).
 */
const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

function install() {
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal === 'function') return;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
    const first = this.querySelector<HTMLElement>(`[autofocus], ${FOCUSABLE}`);
    (first ?? this).focus();
  };
  proto.show = proto.showModal;
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
  // Escape on an open modal dialog fires a cancelable "cancel"; unless prevented, the dialog closes.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const open = [...document.querySelectorAll('dialog[open]')].at(-1) as HTMLDialogElement | undefined;
    if (!open) return;
    if (open.dispatchEvent(new Event('cancel', { cancelable: true }))) open.close();
  });
}

install();
