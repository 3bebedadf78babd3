import { type RefObject, useEffect, useRef } from 'react';

/**
 * After a refused save, moves focus to the first field in error inside the returned ref's element and scrolls it
 * into view, so an error below (or above) the visible part of a dialog is never missed; screen readers then read
 * the field with its message. Fluent's `Field` marks its control `aria-invalid` when it shows an error.
 *
 * `attempt` must change on every refused save (a counter, or the failure itself); nothing happens while it is
 * null/0, or when no field is marked (the error is then shown as a message of its own).
 */
export function useFocusFirstInvalid<T extends HTMLElement>(attempt: unknown): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    if (!attempt) return;
    const first = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }, [attempt]);
  return ref;
}
