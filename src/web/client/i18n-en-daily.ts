/** English for period and date labels, the petition form's checks and drafts, print views (labels.ts, registers.tsx), joined into EN. */
export const DAILY_EN: Readonly<Record<string, string>> = {
  "Quý {q}/{y}": "Q{q} {y}",
  "6 tháng đầu năm {y}": "First half of {y}",
  "6 tháng cuối năm {y}": "Second half of {y}",
  "9 tháng năm {y}": "Nine months of {y}",
  "Tháng {m}/{y}": "{m}/{y}",
  "Năm {y}": "Year {y}",
};
