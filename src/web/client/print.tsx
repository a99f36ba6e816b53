/** "In" (print) for the pages that are printed: the dashboard, the report form and a petition. styles.css has the print view. */
import { t } from "./ui.tsx";

export function PrintButton() {
  return <button type="button" class="print-button no-print" onClick={() => window.print()}>{t("In")}</button>;
}
