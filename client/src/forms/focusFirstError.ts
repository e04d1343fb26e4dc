import { fieldId } from '../components/ui/Field';

/** Moves focus to the first field (in form order) that has an error. */
export function focusFirstError(order: readonly string[], errorPaths: Iterable<string>): void {
  const withError = new Set(errorPaths);
  const first = order.find((path) => withError.has(path));
  if (first) document.getElementById(fieldId(first))?.focus();
}
