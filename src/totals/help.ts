/** The maintained totals' lines of `danvan help` (command totals), plain data. */
export const HELP = `  totals rebuild                     tổng hợp lại toàn bộ số liệu tổng (các cấp, các kỳ, theo cơ cấu báo cáo và hiện nay)
  totals status                      cho biết số liệu tổng đã sẵn sàng chưa`;
