/**
 * The registers' lines of `danvan help` (commands petitions, registers), plain data: help reads it
 * without loading the registers. help.test.ts checks the register names against records.ts.
 */
export const REGISTER_NAMES = "reception, mediation_team, mediation_case, oversight, dvk, commendation";
export const HELP = `  petitions list [--unit MÃ] [--type T] [--state S] [--q TỪ] [--overdue] [--from NGÀY] [--to NGÀY]
                                     liệt kê sổ đơn thư
  petitions overdue [--unit MÃ] [--within N] [--as-of NGÀY]
                                     đơn quá hạn (và sắp đến hạn trong N ngày)
  registers list SỔ [--unit MÃ] [--kind K] [--q TỪ] [--from NGÀY] [--to NGÀY]
                                     liệt kê một sổ (${REGISTER_NAMES})
  registers export SỔ --format csv|xlsx [--out TỆP] [--unit MÃ] [--from NGÀY] [--to NGÀY]
                                     xuất một sổ (kể cả petitions)
  registers obligations --unit MÃ --month YYYY-MM     nghĩa vụ tiếp công dân chưa thực hiện
  registers compare --unit MÃ --period KỲ             số liệu đếm từ sổ so với số đã báo cáo`;
