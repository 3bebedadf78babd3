import { Button } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { navigate } from '../../../tab/routing/use-pathname.js';

/** A link styled as a button that opens a page of the tab in place (a real `<a href>` for new tabs). */
export function LinkButton(props: { href: string; primary?: boolean; children: string }) {
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return (
    <Button as="a" href={props.href} appearance={props.primary ? 'primary' : 'secondary'} onClick={follow}>
      {props.children}
    </Button>
  );
}
