import {
  Button,
  Toast,
  ToastBody,
  Toaster,
  ToastTitle,
  ToastTrigger,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { type ReactNode, useCallback, useMemo } from 'react';
import { useT } from '../i18n/use-t.js';
import { describeError } from './describe-error.js';

/** Reports the outcome of an action as a toast (announced to screen readers); failures stay until dismissed. */
export interface Feedback {
  /** The toaster to render once in the page. */
  toaster: ReactNode;
  succeed: (text: string) => void;
  fail: (title: string, error: unknown) => void;
}

const SUCCESS_TIMEOUT_MS = 6000;

/** Toast feedback for a page's actions. */
export function useFeedback(): Feedback {
  const t = useT();
  const toasterId = useId('feedback');
  const { dispatchToast } = useToastController(toasterId);

  const succeed = useCallback(
    (text: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: SUCCESS_TIMEOUT_MS },
      ),
    [dispatchToast],
  );
  const fail = useCallback(
    (title: string, error: unknown) =>
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              <ToastTrigger>
                <Button size="small" appearance="transparent">
                  {t('common.close')}
                </Button>
              </ToastTrigger>
            }
          >
            {title}
          </ToastTitle>
          <ToastBody>{describeError(error, t)}</ToastBody>
        </Toast>,
        // Errors wait for the user: a message that vanishes before it is read helps nobody (WCAG 2.2.1).
        { intent: 'error', timeout: -1, politeness: 'assertive' },
      ),
    [dispatchToast, t],
  );

  return useMemo(
    () => ({
      toaster: <Toaster toasterId={toasterId} position="bottom-end" pauseOnHover pauseOnWindowBlur />,
      succeed,
      fail,
    }),
    [toasterId, succeed, fail],
  );
}
