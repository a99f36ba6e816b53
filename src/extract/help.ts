/** The extractor's lines of `danvan help` (commands extract, check), plain data: help reads it without loading the readers. */
export const HELP = `  extract [--json] [--unit MÃ|TÊN] [--period KỲ] [--ocr auto|off|force] [TỆP|THƯ MỤC|.zip ...]
                                     đọc số liệu và phạm vi từ báo cáo (.txt, .docx, .xlsx, .pdf, bản quét/ảnh qua OCR;
                                     thư mục hoặc tệp .zip: đọc từng báo cáo, báo tiến độ, bỏ qua bản trùng;
                                     không có tệp hoặc "-": đầu vào chuẩn; --json: mỗi tệp một đối tượng JSON trên một dòng)
  check --unit MÃ --period KỲ [--json] TỆP
                                     so số liệu trong văn bản với số liệu đã lưu của đơn vị, liệt kê câu không khớp
                                     (mã thoát 1 khi có chỗ không khớp)`;
