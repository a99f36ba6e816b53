/** The reports' lines of `danvan help` (command report), plain data: help reads it without loading the report writers. */
export const HELP = `  report --unit MÃ --period KỲ --out TỆP [--format docx|pdf|xlsx|txt|html] [--as-of NGÀY] [--body party|state]
         [--date NGÀY] [--signer "Họ tên"] [--chair "Người chủ trì"] [--place "Địa danh"] [--rows children|communes]
         [--basis approved|submitted|all]
         [--accept all|KHÓA,…] [--write KHÓA=TỆP]… [--issue]
                                     viết báo cáo (docx mẫu Đảng/Nhà nước, pdf, xlsx, văn bản, tin bài html);
                                     --accept chấp nhận bản nháp các phần; --write ghi nội dung một phần từ tệp;
                                     --issue ban hành (cấp số; cần đủ các phần); --out - in văn bản ra màn hình`;
