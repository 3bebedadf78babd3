import { makeStaticStyles } from '@fluentui/react-components';

/**
 * Print rules for the crisis sheet, active only while a sheet is on the page (`:has`): A4 portrait, black on white,
 * no app header, navigation or buttons. Global on purpose, because the app's header lives outside the page.
 */
export const useCrisisPrintStyles = makeStaticStyles(`
@media print {
  @page { size: A4 portrait; margin: 15mm; }
  body:has([data-crisis-sheet]) header,
  body:has([data-crisis-sheet]) nav,
  body:has([data-crisis-sheet]) a[href="#main"],
  body:has([data-crisis-sheet]) [data-print-hidden] { display: none !important; }
  body:has([data-crisis-sheet]),
  body:has([data-crisis-sheet]) * {
    background: transparent !important;
    color: #000 !important;
    box-shadow: none !important;
    text-shadow: none !important;
  }
  body:has([data-crisis-sheet]) main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  body:has([data-crisis-sheet]) #root > div { min-height: 0 !important; }
}
`);
