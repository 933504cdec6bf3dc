// The quarterly scenario's worked check (issue 14), shared by the end-to-end tests that
// fill it: last year's quarters as the statistics office's table gives them (totals
// 20,000; 22,000; 24,000; 26,340, shared 20, 40, 32 and 8 % among the sectors) and a
// growth for each sector in every quarter (4, 14, 10 and 8 %: the year grows 10.24 %).

/** The sectors, as `data-sector` names them. */
export const SECTORS = ['agriculture', 'industry', 'services', 'taxes'];

const HEADER = 'Chỉ tiêu\tQuý I\tQuý II\tQuý III\tQuý IV';
const TOTAL = 'Tổng sản phẩm trên địa bàn\t20.000\t22.000\t24.000\t26.340';
const SECTOR_ROWS = [
  'Nông, lâm nghiệp và thủy sản\t4.000\t4.400\t4.800\t5.268',
  'Công nghiệp và xây dựng\t8.000\t8.800\t9.600\t10.536',
  'Dịch vụ\t6.400\t7.040\t7.680\t8.428,8',
  'Thuế sản phẩm trừ trợ cấp sản phẩm\t1.600\t1.760\t1.920\t2.107,2',
];

/** The table as pasted, with its GRDP total row (which the reader skips). */
export const PASTED_WITH_TOTAL = [HEADER, TOTAL, ...SECTOR_ROWS].join('\n');

/** The table as pasted, the sectors only. */
export const PASTED_SECTORS = [HEADER, ...SECTOR_ROWS].join('\n');

/** Each sector's growth in every quarter, as typed. */
export const GROWTH = { agriculture: '4', industry: '14', services: '10', taxes: '8' };
