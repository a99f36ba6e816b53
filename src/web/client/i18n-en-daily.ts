/** English for period and date labels, the petition form's checks and drafts, print views (labels.ts, registers.tsx), joined into EN. */
export const DAILY_EN: Readonly<Record<string, string>> = {
  "Quý {q}/{y}": "Q{q} {y}",
  "6 tháng đầu năm {y}": "First half of {y}",
  "6 tháng cuối năm {y}": "Second half of {y}",
  "9 tháng năm {y}": "Nine months of {y}",
  "Tháng {m}/{y}": "{m}/{y}",
  "Năm {y}": "Year {y}",
  "Máy chủ chưa nhận đơn: còn {n} ô chưa hợp lệ; xem các ô được đánh dấu.": "The server did not take the petition: {n} fields are not valid; see the marked fields.",
  "Nội dung đang nhập được giữ trên máy này cho tới khi vào sổ xong, kể cả khi mất mạng hay tải lại trang.": "What you type is kept on this computer until the petition is registered, even if the connection drops or the page reloads.",
  "{n}/{max} ký tự": "{n}/{max} characters",
  "Dài quá: {n}/{max} ký tự, cần bớt {d} ký tự.": "Too long: {n}/{max} characters, remove {d}.",
  "Ngày tiếp nhận không thể sau ngày hôm nay.": "The date received cannot be after today.",
  "Số điện thoại chỉ gồm chữ số, dấu cách và + . - ( ) (6–30 ký tự).": "A phone number has only digits, spaces and + . - ( ) (6–30 characters).",
  "đơn thư": "petition",
  "In": "Print",
};
