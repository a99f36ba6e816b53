/** The inbox's lines of `danvan help` (command reminders), plain data. */
export const HELP = `  reminders run                      nhắc việc ngay (nhắc nộp báo cáo trước và sau hạn, báo cấp trên; mỗi nhắc việc một lần)
                                     và gửi các e-mail nhắc việc đang chờ`;
