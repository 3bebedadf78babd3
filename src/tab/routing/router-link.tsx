import { Link } from '@fluentui/react-components';
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { navigate } from './use-pathname.js';

/** A Fluent link to a page of the tab: a real `<a href>` that opens in place without reloading the app. */
export function RouterLink(props: {
  href: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: AnchorHTMLAttributes<HTMLAnchorElement>['aria-current'];
}) {
  const { href, children, ...rest } = props;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser handle new tabs and windows (Ctrl/Cmd/Shift-click, middle click).
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <Link href={href} onClick={follow} {...rest}>
      {children}
    </Link>
  );
}
