import type { demandCreateSchema, offerCreateSchema } from '@techbridge/shared';
import type { z } from 'zod';

type OfferInput = z.input<typeof offerCreateSchema>;
type DemandInput = z.input<typeof demandCreateSchema>;

/**
 * Demo technology offers and demands for the TechBridge marketplace, in the style of
 * the listings seen at Techmart and provincial S&T exchanges. Every code used here is
 * defined in shared/src/taxonomies.
 */

export interface DemoOffer {
  key: string;
  owner: 'vien@demo.vn' | 'truong@demo.vn';
  input: OfferInput;
}

export interface DemoDemand {
  key: string;
  owner: 'doanhnghiep@demo.vn' | 'so@demo.vn';
  input: DemandInput;
  /** keys of the offers a domain expert would put forward for this demand, best first */
  relevantOffers: string[];
}

export const demoOffers: DemoOffer[] = [
  {
    key: 'offer-ras-shrimp',
    owner: 'vien@demo.vn',
    input: {
      title: 'Hệ thống nuôi tôm thẻ chân trắng tuần hoàn (RAS) mật độ cao trong nhà màng',
      summary:
        'Công nghệ nuôi tôm thẻ chân trắng trong hệ thống tuần hoàn nước khép kín, mật độ 300–400 con/m², lượng nước thay dưới 5% mỗi ngày. Năng suất đạt 30–40 tấn/ha/vụ, tỷ lệ sống trên 80% và hạn chế tối đa mầm bệnh từ nguồn nước cấp.',
      description:
        'Hệ thống gồm bể nuôi nổi lót bạt HDPE, bộ lọc cơ học dạng trống quay, bể lọc sinh học giá thể di động (MBBR), tháp khử khí CO2 và đèn UV tiệt trùng. Nước sau lọc được tuần hoàn lại bể nuôi, chỉ bổ sung phần nước bốc hơi và xi-phông đáy. Mô hình đã vận hành 6 vụ liên tiếp tại Bạc Liêu (nay thuộc Cà Mau) trên quy mô 2.000 m² mặt nước. Viện chuyển giao trọn gói thiết kế, lắp đặt, quy trình vận hành và đào tạo kỹ thuật viên trong 2 vụ nuôi đầu.',
      sectors: ['aquaculture', 'water'],
      keywords: ['RAS', 'tôm thẻ chân trắng', 'nuôi tuần hoàn', 'nhà màng', 'MBBR'],
      trl: 7,
      province: 'CMU',
      transferModes: ['turnkey', 'consulting_training'],
      ip: { type: 'utility_solution', status: 'granted', number: '2-0002871' },
      price: { min: 1_200_000_000, max: 3_500_000_000, currency: 'VND', negotiable: true },
      applications: ['Trang trại nuôi tôm siêu thâm canh', 'Vùng nuôi thiếu nước ngọt, nguồn nước ô nhiễm'],
      confidential: {
        details:
          'Giá thể MBBR K5 chiếm 45% thể tích bể lọc, tải lượng thức ăn tối đa 1,2 kg/m³ nước/ngày; vi sinh nitrat hóa khởi động mua của Công ty TNHH Sinh học Phương Nam, chạy mồi 21 ngày trước khi thả giống.',
      },
    },
  },
  {
    key: 'offer-shrimp-probiotic',
    owner: 'truong@demo.vn',
    input: {
      title: 'Chế phẩm probiotic Bacillus đa chủng phòng bệnh hoại tử gan tụy cấp trên tôm',
      summary:
        'Chế phẩm sinh học dạng bột chứa 4 chủng Bacillus phân lập từ ao nuôi ĐBSCL, có khả năng đối kháng Vibrio parahaemolyticus gây bệnh AHPND. Dùng định kỳ qua thức ăn và xử lý nước giúp giảm tỷ lệ hao hụt mà không cần kháng sinh.',
      description:
        'Các chủng Bacillus subtilis, B. licheniformis, B. velezensis và B. amyloliquefaciens được sàng lọc từ hơn 300 mẫu bùn đáy và ruột tôm, chọn theo khả năng tiết enzyme ngoại bào và hợp chất kháng khuẩn. Thử nghiệm trên 24 ao nuôi thâm canh tại Sóc Trăng cho tỷ lệ sống tăng 18–25% so với ao đối chứng, mật độ Vibrio trong nước giảm hơn 10 lần. Sản phẩm bảo quản ở nhiệt độ thường 12 tháng, mật độ tối thiểu 1 tỷ CFU/g. Trường chuyển giao quy trình lên men và hỗ trợ doanh nghiệp lập hồ sơ đăng ký lưu hành.',
      sectors: ['aquaculture', 'biotech'],
      keywords: ['chế phẩm sinh học', 'Bacillus', 'AHPND', 'Vibrio', 'tôm thẻ'],
      trl: 6,
      province: 'CTO',
      transferModes: ['license_non_exclusive', 'consulting_training'],
      ip: { type: 'patent', status: 'filed', number: '1-2023-04512' },
      price: { min: 500_000_000, max: 1_500_000_000, currency: 'VND', negotiable: true },
      applications: ['Phòng bệnh cho tôm giai đoạn 0–45 ngày', 'Xử lý nước và đáy ao nuôi thâm canh'],
      confidential: {
        details:
          'Môi trường lên men bán rắn gồm 60% cám gạo, 30% bã đậu nành, 10% rỉ đường; lên men 48 giờ ở 37 °C; phối trộn 4 chủng theo tỷ lệ 3:3:2:2; chủng gốc lưu tại ngân hàng gen của Trường với mã CTU-BV12 và CTU-BL07.',
      },
    },
  },
  {
    key: 'offer-shrimp-feed',
    owner: 'vien@demo.vn',
    input: {
      title: 'Thức ăn công nghiệp cho tôm thẻ giai đoạn ương bổ sung chiết xuất thảo dược',
      summary:
        'Công thức thức ăn viên cho tôm thẻ chân trắng giai đoạn ương 1–30 ngày tuổi, bổ sung chiết xuất tỏi và diệp hạ châu giúp tăng sức đề kháng tự nhiên. Hệ số chuyển đổi thức ăn (FCR) giảm 8–12% so với thức ăn thương mại cùng phân khúc.',
      description:
        'Công thức có 38–42% đạm, thay thế một phần bột cá bằng đạm đậu nành lên men và bột nhuyễn thể. Viên thức ăn bền trong nước trên 3 giờ, hạn chế thất thoát dinh dưỡng và ô nhiễm đáy ao. Thử nghiệm tại trại thực nghiệm của Viện ở Cần Giờ và 2 trại ương ở Bến Tre cho tỷ lệ sống giai đoạn ương đạt 85–90%. Quy trình phù hợp dây chuyền ép viên sẵn có của các nhà máy thức ăn thủy sản.',
      sectors: ['aquaculture'],
      keywords: ['thức ăn tôm', 'tôm thẻ chân trắng', 'thảo dược', 'FCR', 'giai đoạn ương'],
      trl: 7,
      province: 'HCM',
      transferModes: ['license_non_exclusive', 'consulting_training'],
      ip: { type: 'trade_secret', status: 'none' },
      price: { min: 400_000_000, max: 900_000_000, currency: 'VND', negotiable: false },
      applications: ['Nhà máy thức ăn thủy sản', 'Trại ương tôm giống'],
      confidential: {
        details:
          'Tỷ lệ phối trộn 2,5% bột tỏi sấy lạnh và 1,0% cao diệp hạ châu chuẩn hóa 0,3% phyllanthin; chất kết dính nhập từ nhà cung cấp Đài Loan (mã BP-200); ép viên ở 88–92 °C trong 25 giây.',
      },
    },
  },
  {
    key: 'offer-seafood-xlnt',
    owner: 'truong@demo.vn',
    input: {
      title: 'Công nghệ XLNT chế biến thủy sản kết hợp tuyển nổi DAF, Anoxic/Oxic và màng lọc MBR',
      summary:
        'Quy trình XLNT cho nhà máy chế biến tôm, cá tra có hàm lượng dầu mỡ, protein và nitơ cao, đầu ra đạt QCVN 11-MT:2015/BTNMT cột A. Diện tích xây dựng giảm 40% so với phương án bể lắng truyền thống và có thể tái sử dụng nước cho vệ sinh nhà xưởng.',
      description:
        'Dầu mỡ và protein được tách bằng tuyển nổi khí hòa tan (DAF) có bổ sung PAC và polymer, sau đó dòng thải đi qua cụm bể thiếu khí – hiếu khí (Anoxic/Oxic) tuần hoàn để khử tổng nitơ. Công đoạn cuối dùng mô-đun màng sợi rỗng MBR thay bể lắng thứ cấp, giữ nồng độ bùn hoạt tính 8.000–10.000 mg/L. Hệ thống thí điểm công suất 200 m³/ngày tại một nhà máy chế biến tôm ở Cần Thơ đã vận hành ổn định 18 tháng với COD đầu ra dưới 50 mg/L và amoni dưới 5 mg/L. Trường nhận thiết kế nâng cấp hệ thống hiện hữu, chuyển giao quy trình vận hành và đào tạo cán bộ môi trường của nhà máy.',
      sectors: ['environment', 'water', 'food_processing'],
      keywords: ['nước thải thủy sản', 'MBR', 'DAF', 'khử nitơ', 'QCVN 11'],
      trl: 7,
      province: 'CTO',
      transferModes: ['consulting_training', 'turnkey'],
      ip: { type: 'utility_solution', status: 'granted', number: '2-0003105' },
      price: { min: 2_000_000_000, max: 5_000_000_000, currency: 'VND', negotiable: true },
      applications: ['Nhà máy chế biến tôm đông lạnh', 'Nhà máy phi lê cá tra', 'Cơ sở chế biến surimi'],
      confidential: {
        details:
          'Liều PAC 120–150 mg/L, polymer anion 1,5 mg/L ở pH 6,8–7,2; tỷ lệ tuần hoàn nitrat 300%, thông lượng màng 15 L/m²/giờ; màng sợi rỗng PVDF của Mitsubishi Chemical, rửa hóa chất bằng NaOCl 500 ppm mỗi 3 tháng.',
      },
    },
  },
  {
    key: 'offer-pond-iot',
    owner: 'vien@demo.vn',
    input: {
      title: 'Hệ thống IoT quan trắc ao nuôi và tự động điều khiển quạt nước theo oxy hòa tan',
      summary:
        'Bộ thiết bị IoT đo liên tục DO, pH, nhiệt độ, độ mặn của ao nuôi tôm, cá và gửi cảnh báo qua ứng dụng di động, Zalo. Bộ điều khiển tự bật, tắt quạt nước theo ngưỡng DO, giúp tiết kiệm 20–30% điện năng sục khí.',
      description:
        'Cảm biến DO quang học (không cần thay màng) và đầu đo pH được đặt trên phao nổi chống hà, đọc dữ liệu mỗi 5 phút và truyền về máy chủ qua LoRa hoặc 4G. Ứng dụng trên điện thoại hiển thị biểu đồ theo từng ao và dự báo nguy cơ thiếu oxy ban đêm dựa trên dữ liệu thời tiết, lịch cho ăn. Hệ thống đã lắp cho 85 ao tại Bến Tre và Trà Vinh (nay thuộc Vĩnh Long), điều khiển trực tiếp tủ điện quạt nước hiện có mà không phải thay thiết bị. Viện cung cấp thiết bị, phần mềm và dịch vụ bảo trì theo năm.',
      sectors: ['electronics', 'aquaculture', 'software'],
      keywords: ['IoT', 'cảm biến DO', 'quan trắc ao nuôi', 'quạt nước', 'LoRa'],
      trl: 8,
      province: 'VLG',
      transferModes: ['turnkey', 'license_non_exclusive'],
      ip: { type: 'software_copyright', status: 'granted', number: '4521/2024/QTG' },
      price: { min: 300_000_000, max: 1_200_000_000, currency: 'VND', negotiable: true },
      applications: ['Ao nuôi tôm thâm canh, siêu thâm canh', 'Ao nuôi cá tra, cá lóc'],
      confidential: {
        details:
          'Thuật toán bù nhiệt và độ mặn cho cảm biến DO quang học dùng hệ số hiệu chỉnh riêng theo từng lô đầu đo; đầu đo đặt hàng OEM từ một nhà sản xuất tại Thâm Quyến với giá nhập 2,1 triệu đồng/chiếc.',
      },
    },
  },
  {
    key: 'offer-salt-tolerant-rice',
    owner: 'truong@demo.vn',
    input: {
      title: 'Giống lúa chịu mặn ĐHCT-M9 và quy trình canh tác lúa – tôm vùng nhiễm mặn ĐBSCL',
      summary:
        'Giống lúa thuần chịu mặn 4–6‰ ở giai đoạn mạ và đẻ nhánh, thời gian sinh trưởng 95–100 ngày, năng suất 5,5–6,5 tấn/ha. Gạo hạt dài, mềm cơm, đạt tiêu chuẩn xuất khẩu.',
      description:
        'Giống được lai tạo từ tổ hợp OM5451 × Pokkali, chọn lọc bằng chỉ thị phân tử liên kết gen Saltol qua 8 thế hệ. Khảo nghiệm tại Sóc Trăng, Bạc Liêu, Trà Vinh trong các vụ đông xuân 2022–2024 cho năng suất cao hơn giống đối chứng 12–18% trong điều kiện xâm nhập mặn. Kèm theo giống là quy trình luân canh lúa – tôm, lịch thời vụ né mặn và hướng dẫn rửa mặn đầu vụ. Trường chuyển giao quyền sản xuất hạt giống xác nhận và tập huấn cho HTX, doanh nghiệp giống.',
      sectors: ['crops'],
      keywords: ['lúa chịu mặn', 'giống lúa', 'lúa – tôm', 'Saltol', 'ĐBSCL'],
      trl: 8,
      province: 'CTO',
      transferModes: ['license_exclusive', 'license_non_exclusive', 'consulting_training'],
      ip: { type: 'plant_variety', status: 'granted', number: '285.VN.2024' },
      price: { min: 800_000_000, max: 2_000_000_000, currency: 'VND', negotiable: true },
      applications: ['Sản xuất lúa vùng ven biển ĐBSCL', 'Mô hình luân canh lúa – tôm'],
      confidential: {
        details:
          'Dòng bố mẹ gốc ký hiệu CTU-SL-2217 và CTU-SL-2231; nhân hạt siêu nguyên chủng phải khử lẫn 3 lần, cách ly tối thiểu 20 m và bảo quản hạt ở độ ẩm 12,5%.',
      },
    },
  },
  {
    key: 'offer-hillsoil-biochar',
    owner: 'vien@demo.vn',
    input: {
      title: 'Chế phẩm than sinh học – vi sinh cải tạo đất đồi bạc màu cho vùng chè trung du',
      summary:
        'Hỗn hợp than sinh học (biochar) phối trộn vi sinh vật cố định đạm, phân giải lân giúp cải tạo đất đồi chua, nghèo dinh dưỡng. Sau 2 năm, hàm lượng hữu cơ trong đất tăng 0,4–0,6% và năng suất chè búp tăng 15–20%.',
      description:
        'Than sinh học được nhiệt phân yếm khí ở 450–550 °C từ trấu, rơm rạ và lõi ngô, có độ xốp cao, giữ ẩm và hấp phụ dinh dưỡng, hạn chế rửa trôi trên đất dốc. Than được phối trộn với chủng Azotobacter và Bacillus megaterium thành chế phẩm bón lót, liều 3–5 tấn/ha/năm. Mô hình 12 ha tại Đại Từ và Phú Lương (Thái Nguyên) cho pH đất tăng từ 4,2 lên 5,1 và giảm 25% lượng phân NPK. Công nghệ có thể áp dụng cho cây ăn quả, cà phê trên đất dốc ở Tây Bắc và Tây Nguyên.',
      sectors: ['crops', 'environment'],
      keywords: ['cải tạo đất đồi', 'biochar', 'than sinh học', 'chè', 'đất bạc màu'],
      trl: 6,
      province: 'TNG',
      transferModes: ['license_non_exclusive', 'joint_development'],
      ip: { type: 'patent', status: 'filed', number: '1-2024-01877' },
      price: { currency: 'VND', negotiable: true },
      applications: ['Vùng chè trung du miền núi phía Bắc', 'Cây ăn quả trên đất dốc'],
      confidential: {
        details:
          'Lò nhiệt phân kiểu TLUD cải tiến, thời gian lưu 90 phút; tỷ lệ phối trộn biochar : phân chuồng hoai : vi sinh = 70 : 28 : 2 theo khối lượng; mật độ vi sinh tối thiểu 10⁸ CFU/g, chủng gốc mua từ Bảo tàng giống chuẩn VTCC.',
      },
    },
  },
  {
    key: 'offer-straw-biofertilizer',
    owner: 'truong@demo.vn',
    input: {
      title: 'Quy trình ủ rơm rạ và bùn đáy ao thành phân hữu cơ vi sinh bằng nấm Trichoderma',
      summary:
        'Giải pháp xử lý rơm rạ ngay tại ruộng thay vì đốt, rút ngắn thời gian ủ còn 25–30 ngày nhờ chế phẩm Trichoderma và xạ khuẩn. Phân thành phẩm đạt quy chuẩn phân bón hữu cơ vi sinh, giúp giảm 20–30% phân hóa học cho lúa và rau màu.',
      description:
        'Rơm rạ sau thu hoạch được gom thành luống, phối trộn bùn đáy ao cá hoặc phân chuồng để cân bằng tỷ lệ C/N rồi phun chế phẩm. Quy trình đơn giản, nông dân tự thực hiện với chi phí khoảng 250.000 đồng/tấn nguyên liệu. Giải pháp đã được nhân rộng trên 1.500 ha tại An Giang, Kiên Giang với sự tham gia của 14 HTX. Trường chuyển giao chủng giống, quy trình sản xuất chế phẩm và tập huấn cho cán bộ khuyến nông.',
      sectors: ['crops', 'environment', 'biotech'],
      keywords: ['phân hữu cơ', 'rơm rạ', 'Trichoderma', 'ủ phân', 'xử lý tại ruộng'],
      trl: 8,
      province: 'AGG',
      transferModes: ['license_non_exclusive', 'consulting_training'],
      ip: { type: 'trade_secret', status: 'none' },
      price: { min: 300_000_000, max: 600_000_000, currency: 'VND', negotiable: true },
      applications: ['HTX trồng lúa ĐBSCL', 'Cơ sở sản xuất phân bón hữu cơ'],
      confidential: {
        details:
          'Chủng Trichoderma asperellum T-CTU14 và xạ khuẩn Streptomyces S-AG3; nhân sinh khối trên cám gạo và trấu tỷ lệ 1:1, độ ẩm 60%, đạt 10⁹ bào tử/g sau 7 ngày; phun 2 kg chế phẩm cho mỗi tấn rơm.',
      },
    },
  },
  {
    key: 'offer-solar-heatpump-dryer',
    owner: 'vien@demo.vn',
    input: {
      title: 'Máy sấy nông sản kết hợp năng lượng mặt trời và bơm nhiệt, công suất 500 kg/mẻ',
      summary:
        'Máy sấy lai dùng NLTT từ bộ thu nhiệt mặt trời và bơm nhiệt nhiệt độ thấp (40–55 °C), giữ được màu, mùi và hoạt chất của trái cây, dược liệu. Chi phí năng lượng giảm 40–50% so với sấy điện trở hoặc sấy củi.',
      description:
        'Buồng sấy bằng inox cách nhiệt, mái thu nhiệt polycarbonate; bơm nhiệt tách ẩm tự hoạt động khi trời râm và ban đêm để sấy liên tục. Bộ điều khiển PLC theo dõi nhiệt độ, độ ẩm và tự chuyển chế độ theo bức xạ mặt trời. Máy đã được dùng để sấy xoài, nho, tỏi tại Ninh Thuận (nay thuộc Khánh Hòa) và sấy lá xạ đen, cà gai leo tại một số HTX dược liệu. Viện chế tạo, lắp đặt trọn gói và bảo hành 24 tháng.',
      sectors: ['food_processing', 'energy', 'mechanical'],
      keywords: ['máy sấy', 'sấy bơm nhiệt', 'năng lượng mặt trời', 'sấy trái cây', 'NLTT'],
      trl: 8,
      province: 'KHA',
      transferModes: ['turnkey', 'license_non_exclusive'],
      ip: { type: 'utility_solution', status: 'granted', number: '2-0002644' },
      price: { min: 450_000_000, max: 950_000_000, currency: 'VND', negotiable: false },
      applications: ['Sấy trái cây xuất khẩu', 'Sấy dược liệu cho HTX OCOP', 'Sấy thủy sản khô'],
      confidential: {
        details:
          'Máy nén bơm nhiệt Copeland 5 HP dùng môi chất R410A; tỷ lệ gió hồi 70%, tốc độ gió qua khay 1,5–2 m/s; chế độ sấy xoài 50 °C trong 10 giờ đầu rồi hạ 45 °C đến độ ẩm 18%.',
      },
    },
  },
  {
    key: 'offer-fruit-coating',
    owner: 'truong@demo.vn',
    input: {
      title: 'Màng bao ăn được chitosan – nano bạc kéo dài thời gian bảo quản xoài, thanh long',
      summary:
        'Dung dịch tạo màng bao sinh học phủ lên vỏ trái cây giúp giảm hô hấp, hạn chế nấm bệnh thán thư và mất nước. Xoài bảo quản lạnh ở 12 °C giữ được chất lượng 28–35 ngày, đủ cho xuất khẩu đến các thị trường xa.',
      description:
        'Chế phẩm gồm chitosan khối lượng phân tử thấp, nano bạc và sáp carnauba, được phun hoặc nhúng sau khi xử lý nước nóng 52 °C. Hàm lượng bạc tồn dư dưới ngưỡng cho phép của Codex và không ảnh hưởng hương vị. Thử nghiệm với xoài cát Hòa Lộc, xoài cát chu và thanh long ruột đỏ cho tỷ lệ hư hỏng dưới 5% sau 30 ngày. Trường chuyển giao công thức, dây chuyền nhúng – sấy ráo quy mô 2 tấn/giờ và hỗ trợ hồ sơ kiểm dịch thực vật.',
      sectors: ['food_processing', 'biotech'],
      keywords: ['bảo quản sau thu hoạch', 'chitosan', 'màng bao', 'xoài', 'thanh long'],
      trl: 6,
      province: 'DTP',
      transferModes: ['license_non_exclusive', 'joint_development'],
      ip: { type: 'patent', status: 'granted', number: '1-0034417' },
      price: { min: 600_000_000, max: 1_500_000_000, currency: 'VND', negotiable: true },
      applications: ['Cơ sở đóng gói trái cây xuất khẩu', 'Bảo quản xoài, bơ, thanh long'],
      confidential: {
        details:
          'Công thức: chitosan 1,2% (độ deacetyl hóa 90%, mua từ Công ty TNHH Chitosan Mekong), nano bạc 15 ppm cỡ hạt 10–20 nm, sáp carnauba 0,8%, Tween 80 0,1%; nhúng 60 giây, sấy ráo bằng gió 35 °C.',
      },
    },
  },
  {
    key: 'offer-fish-sauce-enzyme',
    owner: 'vien@demo.vn',
    input: {
      title: 'Quy trình chế biến nước mắm rút ngắn thời gian ủ chượp bằng enzyme, giảm histamine',
      summary:
        'Công nghệ bổ sung enzyme protease và vi khuẩn phân giải histamine vào chượp cá cơm, rút ngắn thời gian ủ từ 12 tháng xuống 4–5 tháng. Nước mắm giữ hương vị truyền thống, độ đạm trên 30 °N, histamine dưới 200 mg/L đáp ứng yêu cầu xuất khẩu.',
      description:
        'Quy trình áp dụng cho thùng chượp gỗ hoặc bể bê tông truyền thống, không phải thay đổi nhà xưởng. Chủng Staphylococcus carnosus phân lập từ chượp ở Phú Quốc và Nha Trang phân giải histamine mà không tạo mùi lạ. Thử nghiệm tại 2 nhà thùng ở Khánh Hòa với 60 tấn cá cho chất lượng cảm quan tương đương nước mắm ủ 12 tháng theo đánh giá của hội đồng chuyên gia. Viện hỗ trợ doanh nghiệp chuẩn hóa hồ sơ tự công bố sản phẩm.',
      sectors: ['food_processing', 'biotech'],
      keywords: ['nước mắm', 'chượp cá', 'histamine', 'enzyme protease', 'cá cơm'],
      trl: 7,
      province: 'KHA',
      transferModes: ['license_exclusive', 'consulting_training'],
      ip: { type: 'patent', status: 'filed', number: '1-2024-06230' },
      price: { min: 1_000_000_000, max: 2_500_000_000, currency: 'VND', negotiable: true },
      applications: ['Nhà thùng nước mắm truyền thống', 'Doanh nghiệp nước mắm xuất khẩu'],
      confidential: {
        details:
          'Tỷ lệ cá : muối 3 : 1, bổ sung 0,3% enzyme Flavourzyme (Novozymes) và 10⁷ CFU/g chủng S. carnosus FS-NT05 ở tuần thứ 2; giữ nhiệt độ chượp 38–42 °C bằng mái tôn lấy nắng.',
      },
    },
  },
  {
    key: 'offer-coffee-fermentation',
    owner: 'truong@demo.vn',
    input: {
      title: 'Lên men chủ động cà phê Robusta bằng nấm men chọn lọc để sản xuất cà phê đặc sản',
      summary:
        'Quy trình sơ chế ướt có kiểm soát lên men bằng chủng nấm men bản địa, giúp cà phê Robusta đạt trên 80 điểm cupping theo thang SCA. Sản phẩm có hương trái cây, hậu vị ngọt, giá bán cao gấp 2–3 lần cà phê nhân thông thường.',
      description:
        'Quả cà phê chín trên 95% được xát vỏ, lên men trong bồn inox kín có bổ sung chủng Saccharomyces cerevisiae và Lactobacillus plantarum phân lập tại Buôn Ma Thuột. Nhiệt độ, pH và thời gian lên men được theo dõi bằng cảm biến để bảo đảm đồng đều giữa các mẻ. Sau lên men, cà phê được phơi trên giàn trong nhà kính đến độ ẩm 11–12%. Mô hình đã áp dụng cho 3 HTX tại Đắk Lắk và Lâm Đồng, sản phẩm đạt OCOP 4 sao.',
      sectors: ['food_processing', 'crops'],
      keywords: ['cà phê đặc sản', 'Robusta', 'lên men', 'sơ chế ướt', 'nấm men'],
      trl: 7,
      province: 'DLK',
      transferModes: ['license_non_exclusive', 'consulting_training'],
      ip: { type: 'trade_secret', status: 'none' },
      price: { min: 300_000_000, max: 700_000_000, currency: 'VND', negotiable: true },
      applications: ['HTX cà phê Tây Nguyên', 'Doanh nghiệp rang xay cà phê đặc sản'],
      confidential: {
        details:
          'Mật độ cấy men 10⁶ tế bào/mL dịch nhớt, bổ sung 2% đường mía; lên men 36 giờ ở 22–24 °C, dừng khi pH đạt 4,2; chủng men mã BMT-Y17 giữ tại phòng thí nghiệm vi sinh của Trường, không công bố trình tự.',
      },
    },
  },
  {
    key: 'offer-cashew-shelling',
    owner: 'vien@demo.vn',
    input: {
      title: 'Dây chuyền tách vỏ hạt điều tự động định vị hạt bằng thị giác máy, năng suất 1 tấn/giờ',
      summary:
        'Máy cắt tách vỏ hạt điều thế hệ mới dùng camera định vị và phân cỡ hạt trước khi cắt, tỷ lệ nhân nguyên đạt trên 88%. Một dây chuyền thay thế khoảng 40 lao động thủ công và giảm tiếp xúc với dầu vỏ điều (CNSL).',
      description:
        'Hạt điều sau hấp được cấp liệu rung, camera chụp từng hạt để xác định hướng và kích thước, sau đó cơ cấu kẹp khí nén đưa hạt vào dao cắt tương ứng với 8 cỡ hạt. Vỏ được tách bằng khí nén và sàng rung, nhân bể được loại riêng bằng cảm biến quang. Nguyên mẫu đã chạy thử 6 tháng tại một nhà máy ở Bình Phước (nay thuộc Đồng Nai). Viện chuyển giao bản vẽ chế tạo, phần mềm điều khiển và hỗ trợ lắp đặt.',
      sectors: ['mechanical', 'automation', 'food_processing'],
      keywords: ['hạt điều', 'tách vỏ', 'thị giác máy', 'cơ khí nông nghiệp', 'tự động hóa'],
      trl: 6,
      province: 'DNI',
      transferModes: ['license_exclusive', 'turnkey', 'joint_development'],
      ip: { type: 'utility_solution', status: 'filed', number: '2-2024-00315' },
      price: { min: 1_500_000_000, max: 3_000_000_000, currency: 'VND', negotiable: true },
      applications: ['Nhà máy chế biến điều xuất khẩu'],
      confidential: {
        details:
          'Dao cắt bằng thép SKD11 tôi cứng 58–60 HRC, khe hở chỉnh bằng servo theo bước 0,05 mm; mô hình nhận dạng huấn luyện trên 120.000 ảnh hạt, chạy trên máy tính nhúng Jetson Orin Nano.',
      },
    },
  },
  {
    key: 'offer-ngoc-linh-tissue',
    owner: 'truong@demo.vn',
    input: {
      title: 'Nhân giống sâm Ngọc Linh bằng nuôi cấy mô và quy trình huấn luyện cây con in vitro',
      summary:
        'Quy trình nuôi cấy mô tạo cây sâm Ngọc Linh (Panax vietnamensis) sạch bệnh từ mô sẹo và phôi vô tính, hệ số nhân 25–30 lần mỗi chu kỳ. Cây con sau ra ngôi đạt tỷ lệ sống 70% dưới tán rừng.',
      description:
        'Mẫu cấy lấy từ cây mẹ 5 năm tuổi có nguồn gốc rõ ràng tại vùng núi Ngọc Linh, được khử trùng, cảm ứng mô sẹo và tái sinh phôi vô tính trên môi trường MS cải tiến. Cây in vitro được huấn luyện trong nhà lưới điều khiển nhiệt độ 18–22 °C trước khi đưa ra vườn ươm dưới tán rừng. Hàm lượng saponin (MR2, Rg1, Rb1) trong củ cây 3 năm tuổi tương đương cây nhân giống từ hạt. Trường chuyển giao quy trình và đào tạo kỹ thuật viên phòng nuôi cấy mô cho doanh nghiệp.',
      sectors: ['medicinal_plants', 'biotech'],
      keywords: ['sâm Ngọc Linh', 'nuôi cấy mô', 'in vitro', 'phôi vô tính', 'dược liệu quý'],
      trl: 5,
      province: 'QNG',
      transferModes: ['license_exclusive', 'consulting_training', 'joint_development'],
      ip: { type: 'patent', status: 'granted', number: '1-0029871' },
      price: { min: 2_000_000_000, max: 5_000_000_000, currency: 'VND', negotiable: true },
      applications: ['Trang trại trồng sâm dưới tán rừng', 'Phòng nuôi cấy mô của doanh nghiệp dược liệu'],
      confidential: {
        details:
          'Môi trường tái sinh phôi: ½ MS + 2,0 mg/L BAP + 0,5 mg/L NAA + 1 g/L than hoạt tính; chiếu sáng LED đỏ : xanh 3 : 1, 16 giờ/ngày; khử trùng mẫu bằng HgCl₂ 0,1% trong 8 phút.',
      },
    },
  },
  {
    key: 'offer-nano-curcumin',
    owner: 'vien@demo.vn',
    input: {
      title: 'Công nghệ sản xuất nano curcumin tan trong nước từ củ nghệ vàng',
      summary:
        'Quy trình chiết xuất curcumin độ tinh khiết trên 95% và bào chế dạng nano micelle tan trong nước, sinh khả dụng tăng 40–60 lần so với curcumin thông thường. Là nguyên liệu cho thực phẩm bảo vệ sức khỏe hỗ trợ dạ dày và phục hồi sau hóa trị.',
      description:
        'Củ nghệ vàng được sấy, nghiền, chiết bằng ethanol và kết tinh lại để thu curcumin tinh khiết. Curcumin được bao trong hệ micelle polysorbate – lecithin, kích thước hạt 20–50 nm, bền trong 24 tháng. Quy mô pilot 50 kg nghệ khô/mẻ đã được kiểm nghiệm tại Viện Kiểm nghiệm thuốc Trung ương. Công nghệ giúp nâng giá trị vùng trồng nghệ tại Nghệ An và các tỉnh Bắc Trung Bộ.',
      sectors: ['health', 'medicinal_plants', 'chemicals'],
      keywords: ['nano curcumin', 'nghệ vàng', 'chiết xuất dược liệu', 'thực phẩm chức năng'],
      trl: 5,
      province: 'NAN',
      transferModes: ['license_exclusive', 'capital_contribution'],
      ip: { type: 'patent', status: 'granted', number: '1-0031256' },
      price: { min: 3_000_000_000, max: 5_000_000_000, currency: 'VND', negotiable: true },
      applications: ['Thực phẩm bảo vệ sức khỏe', 'Mỹ phẩm', 'Nguyên liệu dược'],
      confidential: {
        details:
          'Tỷ lệ curcumin : polysorbate 80 : lecithin = 1 : 8 : 2, đồng hóa áp suất cao 1.000 bar qua 5 chu kỳ; dung môi kết tinh lại ethyl acetate : hexan 1 : 3; nghệ đầu vào phải đạt tối thiểu 3% curcuminoid.',
      },
    },
  },
  {
    key: 'offer-biogas-pig-farm',
    owner: 'truong@demo.vn',
    input: {
      title: 'Hầm biogas phủ bạt HDPE kết hợp máy phát điện cho trang trại chăn nuôi lợn',
      summary:
        'Giải pháp xử lý chất thải chăn nuôi bằng phân hủy kỵ khí trong hầm phủ bạt HDPE, thu khí sinh học để phát điện và sưởi ấm chuồng. Trang trại 2.000 lợn có thể tự chủ 60–70% nhu cầu điện, đồng thời giảm mùi hôi và ô nhiễm nguồn nước.',
      description:
        'Hầm được thiết kế với thời gian lưu thủy lực 30–40 ngày, có khuấy trộn tuần hoàn và cửa xả bùn định kỳ để tránh lắng cặn. Khí sinh học được khử H2S bằng tháp lọc phoi sắt và làm khô trước khi vào máy phát điện cải tiến từ động cơ diesel. Nước sau hầm được xử lý tiếp qua hồ sinh học trước khi dùng tưới cây. Mô hình đã triển khai tại 9 trang trại quy mô 1.000–5.000 lợn ở Hưng Yên, Thái Bình (nay thuộc Hưng Yên) và Đồng Nai.',
      sectors: ['energy', 'environment', 'livestock'],
      keywords: ['biogas', 'khí sinh học', 'chất thải chăn nuôi', 'phát điện', 'trang trại lợn'],
      trl: 8,
      province: 'HYN',
      transferModes: ['turnkey', 'consulting_training'],
      ip: { type: 'utility_solution', status: 'granted', number: '2-0002398' },
      price: { min: 700_000_000, max: 2_500_000_000, currency: 'VND', negotiable: true },
      applications: ['Trang trại lợn quy mô vừa và lớn', 'Trang trại bò sữa'],
      confidential: {
        details:
          'Bạt HDPE dày 1,5 mm của Solmax, hàn nhiệt kép và thử áp 50 kPa; tháp khử H2S nạp phoi sắt trộn vụn gỗ tỷ lệ 1:1, thay vật liệu mỗi 4 tháng; máy phát cải tiến có tỷ số nén 12:1, đánh lửa bằng bugi.',
      },
    },
  },
  {
    key: 'offer-bsf-organic-waste',
    owner: 'vien@demo.vn',
    input: {
      title: 'Xử lý CTR hữu cơ bằng ấu trùng ruồi lính đen, tạo đạm cho thức ăn chăn nuôi và thủy sản',
      summary:
        'Công nghệ dùng ấu trùng ruồi lính đen (Hermetia illucens) xử lý CTR hữu cơ như rau quả thải, phụ phẩm chế biến và phân gia súc, giảm 70–80% khối lượng trong 12–14 ngày. Sản phẩm thu được gồm ấu trùng giàu đạm (40–45%) và phân frass dùng làm phân bón hữu cơ.',
      description:
        'Hệ thống gồm khu nuôi ruồi trưởng thành, khu ấp trứng và các khay nuôi ấu trùng xếp tầng, kiểm soát nhiệt độ 27–30 °C và độ ẩm cơ chất 65–75%. Một mô-đun 500 m² xử lý được 5–7 tấn chất thải/ngày, không phát sinh nước rỉ và mùi hôi nếu vận hành đúng quy trình. Ấu trùng được sấy, ép dầu để làm nguyên liệu thức ăn cho cá, gà, thay thế một phần bột cá. Mô hình đang vận hành tại một chợ đầu mối ở TP. Hồ Chí Minh và một nhà máy chế biến rau quả ở Long An.',
      sectors: ['environment', 'livestock', 'aquaculture'],
      keywords: ['CTR hữu cơ', 'ruồi lính đen', 'rác thải hữu cơ', 'đạm côn trùng', 'phân frass'],
      trl: 7,
      province: 'HCM',
      transferModes: ['turnkey', 'license_non_exclusive', 'consulting_training'],
      ip: { type: 'trade_secret', status: 'none' },
      price: { min: 800_000_000, max: 2_000_000_000, currency: 'VND', negotiable: true },
      applications: ['Chợ đầu mối nông sản', 'Nhà máy chế biến rau quả', 'Trang trại chăn nuôi'],
      confidential: {
        details:
          'Mật độ thả 5 g trứng cho mỗi tấn cơ chất; phối trộn cơ chất với 15% cám bắp để đưa tỷ lệ C/N về khoảng 15; kích thích giao phối bằng đèn LED 450–700 nm, 2.000 lux; dòng ruồi giống nhập từ Malaysia năm 2019, đã thuần hóa 40 thế hệ.',
      },
    },
  },
  {
    key: 'offer-rooftop-pv-ai',
    owner: 'truong@demo.vn',
    input: {
      title: 'Nền tảng giám sát và dự báo sản lượng ĐMT mái nhà bằng trí tuệ nhân tạo',
      summary:
        'Phần mềm thu thập dữ liệu từ inverter của nhiều hãng, phát hiện sớm tấm pin bám bẩn, hư hỏng và dự báo sản lượng điện mặt trời trước 1–7 ngày. Giúp chủ đầu tư hệ thống ĐMT mái nhà tăng 5–8% sản lượng nhờ vệ sinh, bảo trì đúng lúc.',
      description:
        'Mô hình học sâu kết hợp ảnh vệ tinh, dự báo thời tiết và lịch sử vận hành để dự báo sản lượng với sai số dưới 8%. Thuật toán so sánh hiệu suất giữa các chuỗi tấm pin để cảnh báo bám bẩn, bóng che và điểm nóng. Nền tảng đã kết nối 320 hệ thống mái nhà tại Đà Nẵng, Quảng Nam và Khánh Hòa với tổng công suất 45 MWp. Có API để tích hợp với hệ thống quản lý năng lượng của nhà máy.',
      sectors: ['energy', 'ai_data', 'software'],
      keywords: ['ĐMT mái nhà', 'giám sát inverter', 'dự báo sản lượng', 'học sâu', 'vận hành bảo trì'],
      trl: 8,
      province: 'DNG',
      transferModes: ['license_non_exclusive', 'capital_contribution'],
      ip: { type: 'software_copyright', status: 'granted', number: '2873/2023/QTG' },
      price: { min: 200_000_000, max: 800_000_000, currency: 'VND', negotiable: true },
      applications: ['Nhà máy, KCN có điện mặt trời mái nhà', 'Đơn vị vận hành, bảo trì điện mặt trời'],
      confidential: {
        details:
          'Mô hình lai LSTM – Transformer huấn luyện trên 3 năm dữ liệu chu kỳ 15 phút; dữ liệu bức xạ mua từ dịch vụ Solcast; cảnh báo bám bẩn khi tỷ số hiệu suất (PR) giảm 4% liên tục trong 5 ngày nắng.',
      },
    },
  },
  {
    key: 'offer-txng-blockchain',
    owner: 'vien@demo.vn',
    input: {
      title: 'Nền tảng TXNG nông sản dùng mã QR và blockchain, tích hợp quản lý mã số vùng trồng',
      summary:
        'Giải pháp TXNG giúp doanh nghiệp và HTX ghi nhật ký canh tác điện tử, quản lý mã số vùng trồng, mã cơ sở đóng gói và in tem QR cho từng lô hàng. Dữ liệu được ghi lên blockchain để chống sửa đổi, đáp ứng yêu cầu của thị trường nhập khẩu.',
      description:
        'Ứng dụng di động cho phép nông dân ghi phân bón, thuốc BVTV và thời gian cách ly ngay tại vườn, kể cả khi không có mạng. Hệ thống tự đối chiếu hoạt chất với danh mục cấm của nước nhập khẩu và cảnh báo trước khi thu hoạch. Mỗi lô hàng có mã QR liên kết đến hồ sơ vùng trồng, kết quả kiểm nghiệm và hành trình vận chuyển. Nền tảng đã triển khai cho hơn 2.000 hộ trồng vải, nhãn, bưởi và chè, kết nối được với Cổng thông tin truy xuất nguồn gốc sản phẩm hàng hóa quốc gia.',
      sectors: ['software', 'crops', 'quality'],
      keywords: ['TXNG', 'mã QR', 'blockchain', 'nhật ký canh tác điện tử', 'VietGAP'],
      trl: 9,
      province: 'HN',
      transferModes: ['license_non_exclusive', 'consulting_training'],
      ip: { type: 'software_copyright', status: 'granted', number: '1187/2024/QTG' },
      price: { min: 150_000_000, max: 600_000_000, currency: 'VND', negotiable: true },
      applications: ['Doanh nghiệp xuất khẩu trái cây', 'HTX sản xuất theo VietGAP, GlobalGAP', 'Sản phẩm OCOP'],
      confidential: {
        details:
          'Chạy trên Hyperledger Fabric 2.5 với 3 node đặt tại trung tâm dữ liệu Viettel IDC; tem QR chống giả in mực biến màu do Công ty In Tân Phú cung cấp; bảng ánh xạ hoạt chất cấm cập nhật từ cơ sở dữ liệu MRL của EU và GACC.',
      },
    },
  },
  {
    key: 'offer-fruit-grading-cv',
    owner: 'truong@demo.vn',
    input: {
      title: 'Hệ thống phân loại trái cây bằng computer vision theo kích thước, màu sắc và khuyết tật vỏ',
      summary:
        'Dây chuyền phân loại tự động dùng camera và mô hình học sâu để đánh giá từng trái theo khối lượng ước tính, độ chín, vết xước, thâm và sâu bệnh. Tốc độ 6–8 trái/giây mỗi làn, độ chính xác phân hạng trên 95%.',
      description:
        'Trái cây đi trên băng tải con lăn xoay để camera chụp toàn bộ bề mặt, ảnh được xử lý trên máy tính nhúng ngay tại dây chuyền. Mô hình đã được huấn luyện cho thanh long, xoài, bưởi và chanh dây; có thể huấn luyện thêm cho loại quả mới với khoảng 5.000 ảnh. Cơ cấu gạt khí nén đẩy trái vào máng theo tối đa 6 hạng do người dùng cấu hình. Dây chuyền 2 làn đang chạy thử tại một cơ sở đóng gói ở Long An (nay thuộc Tây Ninh).',
      sectors: ['ai_data', 'automation', 'food_processing'],
      keywords: ['computer vision', 'phân hạng trái cây', 'học sâu', 'băng tải', 'khuyết tật vỏ'],
      trl: 7,
      province: 'TNH',
      transferModes: ['turnkey', 'joint_development'],
      ip: { type: 'patent', status: 'filed', number: '1-2025-00942' },
      price: { min: 1_200_000_000, max: 2_800_000_000, currency: 'VND', negotiable: true },
      applications: ['Cơ sở đóng gói trái cây xuất khẩu', 'Nhà máy chế biến rau quả'],
      confidential: {
        details:
          'Mô hình YOLOv8 tùy biến kết hợp mạng phân lớp EfficientNet-B2, huấn luyện trên 48.000 ảnh gán nhãn thủ công; camera công nghiệp Basler ace 2 và đèn LED vòm khuếch tán 5.600 K để triệt bóng đổ.',
      },
    },
  },
  {
    key: 'offer-catfish-vaccine',
    owner: 'vien@demo.vn',
    input: {
      title: 'Vắc xin bất hoạt phòng bệnh gan thận mủ trên cá tra dạng ngâm và tiêm',
      summary:
        'Vắc xin bất hoạt từ chủng Edwardsiella ictaluri phân lập tại ĐBSCL, bảo hộ trên 70% cá tra giống khi gây nhiễm thực nghiệm. Giúp giảm sử dụng kháng sinh, đáp ứng yêu cầu về dư lượng của thị trường xuất khẩu.',
      description:
        'Vắc xin được ngâm cho cá hương 2–3 tuần tuổi và tiêm nhắc lại cho cá giống trước khi thả nuôi thương phẩm. Thử nghiệm thực địa tại 6 trại ở Đồng Tháp và An Giang cho tỷ lệ sống giai đoạn giống tăng từ 25% lên 45%. Hồ sơ khảo nghiệm đã nộp Cục Chăn nuôi và Thú y để xin cấp phép lưu hành. Viện tìm đối tác có nhà máy đạt GMP thú y để chuyển giao hoặc cùng góp vốn sản xuất.',
      sectors: ['aquaculture', 'biotech'],
      keywords: ['vắc xin cá tra', 'gan thận mủ', 'Edwardsiella ictaluri', 'thú y thủy sản', 'giảm kháng sinh'],
      trl: 6,
      province: 'DTP',
      transferModes: ['license_exclusive', 'capital_contribution'],
      ip: { type: 'patent', status: 'filed', number: '1-2023-07781' },
      price: { min: 3_000_000_000, max: 5_000_000_000, currency: 'VND', negotiable: true },
      applications: ['Trại sản xuất cá tra giống', 'Nhà máy vắc xin thú y'],
      confidential: {
        details:
          'Chủng giống EI-DT09 bất hoạt bằng formalin 0,3% trong 48 giờ ở 25 °C, nồng độ 10⁹ CFU/mL; tá dược Montanide IMS 1312 (Seppic) tỷ lệ 30 : 70 cho dạng tiêm; ngâm 30 phút trong dung dịch pha loãng 1 : 100.',
      },
    },
  },
  {
    key: 'offer-catfish-feed',
    owner: 'truong@demo.vn',
    input: {
      title: 'Thức ăn cá tra sử dụng đạm thực vật lên men thay thế 50% bột cá',
      summary:
        'Công thức thức ăn viên nổi cho cá tra, cá rô phi thương phẩm dùng khô dầu đậu nành và bã rượu lên men bằng Bacillus, giảm 50% bột cá mà không ảnh hưởng tăng trưởng. Giá thành thức ăn giảm 6–9%.',
      description:
        'Quá trình lên men phân giải các chất kháng dinh dưỡng (chất ức chế trypsin, phytate) và tăng độ tiêu hóa đạm. Thử nghiệm 180 ngày trên ao nuôi cá tra ở Cần Thơ cho FCR 1,55, tương đương thức ăn đối chứng, thịt cá trắng đạt yêu cầu phi lê xuất khẩu. Công nghệ phù hợp nhà máy thức ăn thủy sản có dây chuyền ép đùn. Trường hỗ trợ phối chế công thức theo nguồn nguyên liệu địa phương.',
      sectors: ['aquaculture', 'biotech'],
      keywords: ['thức ăn cá tra', 'lên men', 'thay thế bột cá', 'ép đùn'],
      trl: 7,
      province: 'CTO',
      transferModes: ['license_non_exclusive', 'consulting_training'],
      ip: { type: 'trade_secret', status: 'none' },
      price: { min: 400_000_000, max: 800_000_000, currency: 'VND', negotiable: true },
      applications: ['Nhà máy thức ăn thủy sản', 'Vùng nuôi cá tra liên kết'],
      confidential: {
        details:
          'Lên men bán rắn khô dầu đậu nành : bã rượu = 7 : 3 với Bacillus subtilis CTU-F2 ở độ ẩm 45%, 40 °C trong 72 giờ; bổ sung 0,1% phytase và 0,5% lysine HCl vào công thức cuối.',
      },
    },
  },
  {
    key: 'offer-agri-drone',
    owner: 'vien@demo.vn',
    input: {
      title: 'UAV phun thuốc BVTV và bón phân lá chính xác theo bản đồ NDVI',
      summary:
        'Thiết bị bay không người lái tải trọng 20 lít phun thuốc bảo vệ thực vật và phân bón lá theo bản đồ chỉ số thực vật NDVI, giảm 30% lượng thuốc và hạn chế tiếp xúc hóa chất cho người phun. Năng suất 15–20 ha/ngày.',
      description:
        'Drone khảo sát gắn camera đa phổ bay trước để lập bản đồ sức khỏe cây trồng, phần mềm phân vùng và lập kế hoạch phun biến liều. UAV phun dùng vòi ly tâm tạo hạt 80–150 µm và radar bám địa hình cho ruộng bậc thang, đồi dốc. Hệ thống đã được thử nghiệm trên lúa, vải thiều và chè tại Bắc Giang (nay thuộc Bắc Ninh) và Phú Thọ. Viện chuyển giao phần cứng, phần mềm lập kế hoạch bay và đào tạo người điều khiển theo quy định.',
      sectors: ['automation', 'crops', 'ai_data'],
      keywords: ['UAV', 'drone nông nghiệp', 'phun thuốc BVTV', 'NDVI', 'nông nghiệp chính xác'],
      trl: 7,
      province: 'BNH',
      transferModes: ['turnkey', 'consulting_training'],
      ip: { type: 'utility_solution', status: 'filed', number: '2-2024-00288' },
      price: { min: 350_000_000, max: 650_000_000, currency: 'VND', negotiable: false },
      applications: ['HTX dịch vụ nông nghiệp', 'Vùng trồng lúa, cây ăn quả tập trung'],
      confidential: {
        details:
          'Khung carbon và động cơ T-Motor MP80, bộ điều khiển bay ArduPilot tùy biến; thuật toán biến liều chia 5 mức theo NDVI với lưu lượng 1,5–6 L/phút; pin 14S 30.000 mAh đặt hàng từ Grepow.',
      },
    },
  },
  {
    key: 'offer-ca-cold-storage',
    owner: 'truong@demo.vn',
    input: {
      title: 'Kho lạnh khí quyển điều chỉnh (CA) dạng container cho bơ, sầu riêng và rau quả',
      summary:
        'Kho lạnh kiểm soát nồng độ O2, CO2 và ethylene, kéo dài thời gian bảo quản bơ, sầu riêng, xoài thêm 4–6 tuần và rau ăn lá 3 tuần. Thiết kế dạng container 20–40 feet, chi phí đầu tư thấp hơn 35% so với kho CA nhập khẩu.',
      description:
        'Kho dùng màng tách khí tạo nitơ, bộ hấp thụ CO2 bằng than hoạt tính và bộ xúc tác phân hủy ethylene, điều khiển qua màn hình cảm ứng và cảnh báo từ xa. Chế độ bảo quản được cài sẵn cho từng loại quả theo kết quả nghiên cứu sau thu hoạch của Trường. Hai kho 40 feet đang vận hành tại HTX ở Đức Trọng (Lâm Đồng) và Krông Pắc (Đắk Lắk). Hệ thống có thể lắp trên container lạnh để duy trì chế độ CA trong suốt hành trình vận chuyển.',
      sectors: ['food_processing', 'mechanical'],
      keywords: ['kho lạnh', 'khí quyển điều chỉnh', 'bảo quản trái cây', 'sầu riêng', 'container lạnh'],
      trl: 7,
      province: 'LDG',
      transferModes: ['turnkey', 'consulting_training'],
      ip: { type: 'utility_solution', status: 'granted', number: '2-0003012' },
      price: { min: 900_000_000, max: 1_800_000_000, currency: 'VND', negotiable: true },
      applications: ['HTX rau quả', 'Doanh nghiệp xuất khẩu trái cây', 'Vận chuyển lạnh đường dài'],
      confidential: {
        details:
          'Chế độ CA cho sầu riêng Ri6: 14 °C, O2 3%, CO2 8%; bơ Booth: 6 °C, O2 2%, CO2 5%; xoài cát chu: 12 °C, O2 4%, CO2 6%; màng tách khí của Parker, máy nén Bitzer bán kín.',
      },
    },
  },
  {
    key: 'offer-geopolymer-brick',
    owner: 'vien@demo.vn',
    input: {
      title: 'Gạch không nung geopolymer từ tro bay và xỉ đáy nhiệt điện than',
      summary:
        'Công nghệ sản xuất gạch xây không nung dùng trên 70% tro xỉ nhiệt điện, hoạt hóa kiềm ở nhiệt độ thường, cường độ nén đạt mác M10–M15 theo TCVN 6477:2016. Giúp nhà máy nhiệt điện giảm diện tích bãi chứa và tạo vật liệu xây dựng giá rẻ.',
      description:
        'Hỗn hợp tro bay, xỉ đáy nghiền mịn và dung dịch hoạt hóa NaOH – thủy tinh lỏng được ép trên máy ép thủy lực rung, dưỡng hộ tự nhiên 14 ngày. Sản phẩm nhẹ hơn gạch đất nung 15%, độ hút nước dưới 12%, bền trong môi trường ẩm ven biển. Dây chuyền thử nghiệm 5 triệu viên/năm đã vận hành tại Quảng Ninh. Viện chuyển giao công thức phối trộn và hỗ trợ chứng nhận hợp quy.',
      sectors: ['materials', 'environment'],
      keywords: ['gạch không nung', 'geopolymer', 'tro bay', 'xỉ nhiệt điện', 'vật liệu xây dựng'],
      trl: 8,
      province: 'QNI',
      transferModes: ['license_non_exclusive', 'consulting_training'],
      ip: { type: 'patent', status: 'granted', number: '1-0027654' },
      price: { min: 500_000_000, max: 1_200_000_000, currency: 'VND', negotiable: true },
      applications: ['Nhà máy nhiệt điện than', 'Cơ sở sản xuất vật liệu xây dựng'],
      confidential: {
        details:
          'Tỷ lệ tro bay : xỉ đáy : cát = 55 : 20 : 25, dung dịch hoạt hóa có mô-đun silicat 1,4, tỷ lệ lỏng/rắn 0,32; áp lực ép 18 MPa kết hợp rung 50 Hz trong 6 giây.',
      },
    },
  },
  {
    key: 'offer-ahpnd-lamp-kit',
    owner: 'truong@demo.vn',
    input: {
      title: 'Bộ kit LAMP phát hiện nhanh vi khuẩn gây hoại tử gan tụy cấp trên tôm ngay tại ao nuôi',
      summary:
        'Bộ kit phát hiện gen độc tố PirAB của Vibrio parahaemolyticus trong 45 phút bằng kỹ thuật khuếch đại đẳng nhiệt LAMP, đọc kết quả bằng mắt thường qua đổi màu. Người nuôi tự xét nghiệm tôm giống và tôm nuôi mà không cần phòng thí nghiệm PCR.',
      description:
        'Bộ kit gồm dung dịch tách chiết nhanh DNA, hỗn hợp phản ứng đông khô và bộ ủ nhiệt cầm tay chạy pin. Độ nhạy tương đương real-time PCR ở ngưỡng 100 bản sao/phản ứng, độ đặc hiệu 98% trên 240 mẫu thực địa. Nhờ đông khô, kit bảo quản được ở nhiệt độ phòng 6 tháng. Trường tìm đối tác sản xuất và phân phối qua mạng lưới đại lý thuốc thú y thủy sản.',
      sectors: ['biotech', 'aquaculture'],
      keywords: ['LAMP', 'chẩn đoán nhanh', 'AHPND', 'Vibrio parahaemolyticus', 'tôm giống'],
      trl: 4,
      province: 'HUE',
      transferModes: ['license_exclusive', 'joint_development'],
      ip: { type: 'patent', status: 'filed', number: '1-2024-03356' },
      price: { min: 800_000_000, max: 1_600_000_000, currency: 'VND', negotiable: true },
      applications: ['Kiểm tra tôm giống trước khi thả', 'Đại lý thuốc thú y thủy sản', 'Trạm quan trắc thủy sản'],
      confidential: {
        details:
          'Bộ 6 mồi LAMP thiết kế trên vùng gen pirB (trình tự lưu trong hồ sơ nội bộ LAMP-PB6); chất chỉ thị hydroxynaphthol blue 120 µM; enzyme Bst 2.0 mua từ New England Biolabs, đông khô cùng trehalose 10%.',
      },
    },
  },
  {
    key: 'offer-ai-chest-xray',
    owner: 'vien@demo.vn',
    input: {
      title: 'Phần mềm TTNT hỗ trợ đọc phim X-quang ngực phát hiện lao phổi và bất thường phổi',
      summary:
        'Hệ thống trí tuệ nhân tạo phân tích phim X-quang ngực kỹ thuật số trong chưa đầy 10 giây, khoanh vùng tổn thương nghi lao, viêm phổi, tràn dịch màng phổi. Hỗ trợ bác sĩ tuyến huyện sàng lọc nhanh và ưu tiên ca nghi ngờ.',
      description:
        'Mô hình được huấn luyện trên hơn 150.000 phim X-quang có chẩn đoán xác nhận từ các bệnh viện tuyến trung ương và tỉnh. Độ nhạy phát hiện lao phổi đạt 92%, độ đặc hiệu 88% trong nghiên cứu đánh giá tiến cứu tại 4 bệnh viện. Phần mềm kết nối hệ thống PACS qua chuẩn DICOM và chạy được trên máy chủ nội bộ không cần Internet. Hồ sơ cấp số lưu hành trang thiết bị y tế loại B đang được hoàn thiện.',
      sectors: ['health', 'ai_data', 'software'],
      keywords: ['TTNT', 'X-quang ngực', 'lao phổi', 'chẩn đoán hình ảnh', 'DICOM'],
      trl: 7,
      province: 'HN',
      transferModes: ['license_non_exclusive', 'capital_contribution'],
      ip: { type: 'software_copyright', status: 'granted', number: '3310/2024/QTG' },
      price: { min: 500_000_000, max: 1_500_000_000, currency: 'VND', negotiable: true },
      applications: ['Bệnh viện tuyến huyện', 'Chương trình sàng lọc lao cộng đồng'],
      confidential: {
        details:
          'Kiến trúc ensemble DenseNet-121 và ConvNeXt-T, ngưỡng quyết định 0,37 tối ưu theo độ nhạy; dữ liệu được 7 bác sĩ chẩn đoán hình ảnh gán nhãn theo thỏa thuận bảo mật với bệnh viện đối tác.',
      },
    },
  },
  {
    key: 'offer-textile-dye-aop',
    owner: 'truong@demo.vn',
    input: {
      title: 'XLNT dệt nhuộm bằng oxy hóa nâng cao: Fenton điện hóa kết hợp ozone xúc tác',
      summary:
        'Công nghệ khử màu và phân hủy thuốc nhuộm hoạt tính khó phân hủy sinh học, đưa độ màu nước thải dệt nhuộm về dưới 50 Pt-Co theo QCVN 13-MT:2015/BTNMT. Lượng bùn hóa chất giảm 60% so với keo tụ truyền thống.',
      description:
        'Dòng thải sau điều hòa và xử lý sinh học được đưa qua bể Fenton điện hóa với điện cực sắt hòa tan, tạo gốc hydroxyl tại chỗ mà không cần châm muối sắt. Công đoạn ozone hóa xúc tác sau cùng giúp khử màu triệt để và giảm COD khó phân hủy. Hệ thống pilot 50 m³/ngày tại một cơ sở nhuộm ở Nam Định (nay thuộc Ninh Bình) đạt hiệu quả khử màu 97%. Có thể lắp bổ sung vào hệ thống xử lý hiện hữu của nhà máy.',
      sectors: ['environment', 'textiles', 'chemicals'],
      keywords: ['nước thải dệt nhuộm', 'Fenton điện hóa', 'ozone', 'khử màu', 'QCVN 13'],
      trl: 5,
      province: 'NBH',
      transferModes: ['turnkey', 'joint_development'],
      ip: { type: 'patent', status: 'filed', number: '1-2024-05119' },
      price: { min: 1_500_000_000, max: 4_000_000_000, currency: 'VND', negotiable: true },
      applications: ['Nhà máy dệt nhuộm', 'Làng nghề nhuộm', 'KCN dệt may'],
      confidential: {
        details:
          'Mật độ dòng 15 mA/cm², pH 3,0, H2O2 châm bằng 1,2 lần COD; xúc tác ozone MnO2/γ-Al2O3 do Trường tự chế tạo, nung 500 °C trong 4 giờ; điện cực thép CT3 thay mỗi 45 ngày.',
      },
    },
  },
  {
    key: 'offer-shan-tea',
    owner: 'vien@demo.vn',
    input: {
      title: 'Dây chuyền chế biến chè Shan tuyết xanh và hồng trà chất lượng cao quy mô HTX',
      summary:
        'Quy trình và thiết bị chế biến chè Shan tuyết cổ thụ thành chè xanh sao suốt và hồng trà lá nguyên, giữ được lông tuyết và hương tự nhiên. Phù hợp HTX vùng cao với công suất 300–500 kg búp tươi/ngày.',
      description:
        'Dây chuyền gồm máy làm héo có điều khiển độ ẩm, máy vò chè kiểu nén nhẹ, máy sao diệt men bằng khí nóng và máy sấy hoàn thiện dùng củi hoặc viên nén sinh khối. Quá trình lên men hồng trà được kiểm soát nhiệt độ, độ ẩm để tạo nước màu đỏ sáng và vị ngọt hậu. Công nghệ đã chuyển giao cho 4 HTX tại Hoàng Su Phì, Vị Xuyên (Hà Giang, nay thuộc Tuyên Quang), sản phẩm đạt OCOP 4 sao. Viện hỗ trợ xây dựng nhãn hiệu tập thể và hồ sơ chỉ dẫn địa lý.',
      sectors: ['food_processing', 'mechanical'],
      keywords: ['chè Shan tuyết', 'hồng trà', 'chế biến chè', 'OCOP', 'vùng cao'],
      trl: 8,
      province: 'TQG',
      transferModes: ['turnkey', 'consulting_training'],
      ip: { type: 'trade_secret', status: 'none' },
      price: { min: 600_000_000, max: 1_200_000_000, currency: 'VND', negotiable: false },
      applications: ['HTX chè vùng cao', 'Doanh nghiệp chè xuất khẩu'],
      confidential: {
        details:
          'Làm héo 14–16 giờ ở 24 °C, độ ẩm 70% đến khi lá mất 38% khối lượng; lên men hồng trà 3 giờ ở 28 °C, độ ẩm 95%; sao diệt men ở 260 °C trong 3 phút, lồng quay 28 vòng/phút.',
      },
    },
  },
  {
    key: 'offer-smart-drip-irrigation',
    owner: 'truong@demo.vn',
    input: {
      title: 'Hệ thống tưới nhỏ giọt thông minh kết hợp bón phân cho cà phê, hồ tiêu Tây Nguyên',
      summary:
        'Hệ thống tưới nhỏ giọt điều khiển theo độ ẩm đất và dự báo thời tiết, kết hợp châm phân hòa tan (fertigation). Tiết kiệm 35–45% nước tưới và 20% phân bón trong mùa khô, năng suất cà phê tăng 10–15%.',
      description:
        'Cảm biến độ ẩm đất đặt ở độ sâu 20 cm và 40 cm gửi dữ liệu không dây về bộ điều khiển trung tâm chạy bằng pin mặt trời. Lịch tưới được tính tự động theo giai đoạn sinh trưởng và lượng bốc thoát hơi nước; người dùng giám sát, điều chỉnh qua điện thoại. Mô hình 30 ha tại Chư Sê, Chư Prông (Gia Lai) và Krông Năng (Đắk Lắk) đã vận hành qua 3 mùa khô. Trường chuyển giao thiết kế, phần mềm và đào tạo nông dân vận hành.',
      sectors: ['water', 'crops', 'electronics'],
      keywords: ['tưới nhỏ giọt', 'tưới thông minh', 'fertigation', 'cà phê', 'tiết kiệm nước'],
      trl: 7,
      province: 'GLI',
      transferModes: ['turnkey', 'license_non_exclusive'],
      ip: { type: 'utility_solution', status: 'granted', number: '2-0002955' },
      price: { currency: 'VND', negotiable: true },
      applications: ['Vùng trồng cà phê, hồ tiêu, sầu riêng', 'Trang trại cây ăn quả trên đất dốc'],
      confidential: {
        details:
          'Bộ điều khiển dùng vi điều khiển ESP32 và mô-đun LoRa SX1276; cảm biến độ ẩm điện dung hiệu chuẩn riêng cho đất bazan đỏ; ngưỡng tưới cà phê mùa khô ở 65% độ ẩm đồng ruộng, châm phân theo tỷ lệ N : K = 1 : 1,3.',
      },
    },
  },
];

export const demoDemands: DemoDemand[] = [
  {
    key: 'demand-seafood-wastewater',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Cần giải pháp xử lý nước thải nhà máy chế biến tôm đạt cột A, công suất 1.200 m³/ngày',
      problem:
        'Nhà máy chế biến tôm đông lạnh của chúng tôi tại Hậu Giang thải khoảng 1.200 m³ nước mỗi ngày, giàu đạm, dầu mỡ và amoni từ các khâu rã đông, lột vỏ, hấp. Hệ thống sinh học hiện hữu xây từ năm 2012 thường xuyên vượt chỉ tiêu tổng nitơ và amoni, trong khi khách hàng châu Âu yêu cầu đánh giá môi trường định kỳ. Mặt bằng nhà máy không còn chỗ để xây thêm bể.',
      requirements:
        'Đầu ra đạt QCVN 11-MT:2015/BTNMT cột A; ưu tiên cải tạo trên nền bể hiện có, chi phí vận hành dưới 8.000 đồng/m³.',
      sectors: ['environment', 'food_processing'],
      keywords: ['nước thải chế biến tôm', 'khử amoni', 'tổng nitơ', 'cải tạo hệ thống', 'cột A'],
      province: 'CTO',
      trlMin: 7,
      budget: { max: 6_000_000_000, currency: 'VND' },
      deadline: '2027-06-30',
      transferModes: ['turnkey', 'consulting_training'],
    },
    relevantOffers: ['offer-seafood-xlnt'],
  },
  {
    key: 'demand-shrimp-early-mortality',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Giảm tỷ lệ tôm thẻ chết sớm giai đoạn 20–35 ngày tại vùng nuôi liên kết ở Cà Mau',
      problem:
        'Công ty có 180 ha ao nuôi tôm thẻ chân trắng liên kết với hộ dân ở Cà Mau, Bạc Liêu. Hai năm gần đây nhiều ao bị tôm chết hàng loạt sau thả 20–35 ngày, gan tụy teo, nhạt màu, ruột rỗng; người nuôi tự ý dùng kháng sinh khiến một số lô tôm bị cảnh báo dư lượng. Chúng tôi cần biện pháp phòng bệnh an toàn và cách phát hiện mầm bệnh sớm ngay tại trại.',
      requirements:
        'Sản phẩm sinh học không chứa kháng sinh, đã thử nghiệm trên ao thực tế; ưu tiên kèm công cụ kiểm tra nhanh tôm giống trước khi thả.',
      sectors: ['aquaculture', 'biotech'],
      keywords: ['tôm chết sớm', 'EMS', 'phòng bệnh sinh học', 'không kháng sinh', 'kiểm tra tôm giống'],
      province: 'CMU',
      trlMin: 4,
      budget: { max: 1_500_000_000, currency: 'VND' },
      transferModes: ['license_non_exclusive', 'joint_development'],
    },
    relevantOffers: ['offer-shrimp-probiotic', 'offer-ahpnd-lamp-kit'],
  },
  {
    key: 'demand-pond-oxygen-monitoring',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Giám sát oxy hòa tan ao nuôi theo thời gian thực bằng Internet vạn vật, giảm tiền điện quạt nước',
      problem:
        'Vùng nuôi tôm siêu thâm canh 60 ha của công ty tại Trà Vinh có 140 ao; công nhân đo oxy bằng máy cầm tay 2 lần/ngày nên không phát hiện kịp tình trạng tụt oxy lúc 2–4 giờ sáng. Quạt nước chạy gần như suốt ngày đêm, tiền điện chiếm 22% giá thành. Chúng tôi muốn theo dõi tập trung toàn vùng nuôi trên điện thoại và tự động hóa việc bật tắt quạt.',
      requirements:
        'Thiết bị chịu được môi trường nước lợ, ít phải bảo trì; điều khiển được tủ điện quạt nước đang dùng và gửi cảnh báo qua điện thoại.',
      sectors: ['aquaculture', 'electronics'],
      keywords: ['oxy hòa tan', 'Internet vạn vật', 'tiết kiệm điện', 'nuôi tôm siêu thâm canh', 'cảnh báo sớm'],
      province: 'VLG',
      trlMin: 7,
      budget: { max: 1_000_000_000, currency: 'VND' },
      deadline: '2027-03-31',
      transferModes: ['turnkey'],
    },
    relevantOffers: ['offer-pond-iot'],
  },
  {
    key: 'demand-salt-tolerant-rice',
    owner: 'so@demo.vn',
    input: {
      title: 'Đặt hàng giống lúa chịu mặn và quy trình canh tác thích ứng xâm nhập mặn cho vùng ven biển Cần Thơ',
      problem:
        'Các xã ven biển thuộc tỉnh Sóc Trăng cũ (nay thuộc thành phố Cần Thơ) có khoảng 45.000 ha lúa thường xuyên bị ảnh hưởng khi nước mặn xâm nhập sâu vào mùa khô; vụ đông xuân 2024 nhiều nơi giảm trên 30% năng suất. Phần lớn giống đang gieo sạ chịu mặn kém ở giai đoạn mạ, nông dân phải xuống giống muộn hoặc bỏ vụ. Sở KH&CN đặt hàng nhiệm vụ KH&CN cấp thành phố nhằm đưa vào sản xuất giống lúa chịu mặn năng suất ổn định cùng quy trình canh tác phù hợp.',
      requirements:
        'Giống đã được công nhận hoặc bảo hộ, chịu mặn tối thiểu 4‰; xây dựng mô hình trình diễn ít nhất 50 ha và chuyển giao cho HTX sản xuất giống tại địa phương.',
      sectors: ['crops'],
      keywords: ['xâm nhập mặn', 'giống lúa', 'thích ứng biến đổi khí hậu', 'mô hình trình diễn', 'Sóc Trăng'],
      province: 'CTO',
      trlMin: 6,
      budget: { max: 3_000_000_000, currency: 'VND' },
      deadline: '2027-12-31',
      transferModes: ['commissioned_rd', 'license_non_exclusive'],
    },
    relevantOffers: ['offer-salt-tolerant-rice'],
  },
  {
    key: 'demand-durian-traceability',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Hệ thống truy xuất nguồn gốc cho sầu riêng xuất khẩu chính ngạch',
      problem:
        'Chúng tôi thu mua sầu riêng từ khoảng 1.200 hộ trồng ở Đắk Lắk, Lâm Đồng để xuất khẩu sang Trung Quốc và đang thử nghiệm thị trường EU. Nhiều container bị kiểm tra tăng cường hoặc trả về vì không chứng minh được lô hàng đến từ vùng trồng đã được cấp mã, và vì nghi ngờ dư lượng chất cấm. Hồ sơ hiện ghi chép bằng giấy, dễ thất lạc và khó đối chiếu khi cơ quan kiểm dịch yêu cầu.',
      requirements:
        'Quản lý được từ vùng trồng, cơ sở đóng gói đến từng lô hàng; nông dân nhập liệu đơn giản trên điện thoại; dữ liệu không thể chỉnh sửa sau khi ghi.',
      sectors: ['software', 'crops', 'quality'],
      keywords: ['truy xuất nguồn gốc', 'sầu riêng', 'xuất khẩu chính ngạch', 'mã vùng trồng', 'kiểm dịch'],
      province: 'DLK',
      budget: { max: 800_000_000, currency: 'VND' },
      transferModes: ['license_non_exclusive', 'consulting_training'],
    },
    relevantOffers: ['offer-txng-blockchain'],
  },
  {
    key: 'demand-mango-sea-export',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Kéo dài thời gian bảo quản xoài để chuyển từ đường hàng không sang đường biển khi xuất khẩu',
      problem:
        'Công ty đang xuất xoài cát chu và xoài Đài Loan đi Mỹ, Úc bằng đường hàng không với cước 2,5–3 USD/kg, khiến giá bán khó cạnh tranh. Chuyển sang đi tàu biển mất 25–30 ngày, nhưng các lô thử nghiệm bị chín không đều, thối cuống và thán thư khi đến nơi, tỷ lệ hư hỏng 15–20%. Chúng tôi cần công nghệ giữ chất lượng xoài ít nhất 30 ngày sau thu hoạch.',
      requirements:
        'Phương pháp an toàn thực phẩm, được cơ quan kiểm dịch nước nhập khẩu chấp nhận; áp dụng được tại cơ sở đóng gói của công ty ở Đồng Tháp.',
      sectors: ['food_processing', 'crops'],
      keywords: ['xuất khẩu xoài', 'vận chuyển đường biển', 'thán thư', 'chín không đều', 'kéo dài thời hạn sử dụng'],
      province: 'DTP',
      trlMin: 6,
      budget: { max: 2_000_000_000, currency: 'VND' },
      deadline: '2027-09-30',
      transferModes: ['license_non_exclusive', 'joint_development', 'consulting_training'],
    },
    relevantOffers: ['offer-fruit-coating', 'offer-ca-cold-storage'],
  },
  {
    key: 'demand-dragonfruit-sorting',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Tự động hóa khâu phân loại thanh long tại nhà đóng gói bằng camera và trí tuệ nhân tạo',
      problem:
        'Nhà đóng gói của chúng tôi ở Châu Thành (Long An cũ) xử lý 40–60 tấn thanh long mỗi ngày vào chính vụ, toàn bộ việc phân loại theo khối lượng, màu vỏ và vết bệnh do khoảng 45 công nhân làm bằng mắt. Kết quả không đồng đều giữa các ca, khách hàng Hàn Quốc thường phản ánh lẫn quả đạt chuẩn với quả lỗi. Thiếu lao động thời vụ khiến hàng bị dồn, giảm độ tươi.',
      requirements:
        'Công suất tối thiểu 5 tấn/giờ, phân được ít nhất 5 hạng theo tiêu chuẩn của khách hàng; có dịch vụ bảo trì tại khu vực phía Nam.',
      sectors: ['automation', 'ai_data', 'food_processing'],
      keywords: ['phân loại thanh long', 'trí tuệ nhân tạo', 'nhà đóng gói', 'tự động hóa', 'kiểm tra chất lượng'],
      province: 'TNH',
      trlMin: 6,
      budget: { max: 3_000_000_000, currency: 'VND' },
      transferModes: ['turnkey', 'joint_development'],
    },
    relevantOffers: ['offer-fruit-grading-cv'],
  },
  {
    key: 'demand-herbal-drying',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Thay lò sấy củi bằng công nghệ sấy tiết kiệm năng lượng cho dược liệu và trái cây OCOP',
      problem:
        'Cơ sở chúng tôi sấy khô cà gai leo, lá xạ đen và chuối, mít cho các sản phẩm OCOP, hiện dùng lò sấy củi nên nhiệt không ổn định, sản phẩm bị sẫm màu, mất mùi và đôi khi ám khói. Giá củi tăng và địa phương đang hạn chế đốt củi gần khu dân cư. Khối lượng cần sấy khoảng 2–3 tấn nguyên liệu tươi mỗi ngày.',
      requirements:
        'Nhiệt độ sấy điều chỉnh được trong khoảng 40–60 °C; ưu tiên tận dụng năng lượng tái tạo để giảm chi phí vận hành.',
      sectors: ['food_processing', 'medicinal_plants', 'energy'],
      keywords: ['sấy khô', 'dược liệu', 'OCOP', 'tiết kiệm năng lượng', 'giữ màu sản phẩm'],
      province: 'PTO',
      budget: { max: 1_200_000_000, currency: 'VND' },
      deadline: '2027-04-30',
      transferModes: ['turnkey', 'consulting_training'],
    },
    relevantOffers: ['offer-solar-heatpump-dryer'],
  },
  {
    key: 'demand-ngoc-linh-seedlings',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Cần nguồn cây giống sâm Ngọc Linh sạch bệnh, số lượng lớn để mở rộng vùng trồng dưới tán rừng',
      problem:
        'Doanh nghiệp thuê 80 ha rừng tại Nam Trà My để trồng sâm Ngọc Linh, nhưng nguồn giống từ hạt rất hạn chế, giá 150.000–200.000 đồng/cây con và khó xác minh nguồn gốc, có nguy cơ lẫn tam thất hoang. Cây con từ hạt cũng hay bị thối củ, thối thân trong năm đầu. Chúng tôi cần chủ động sản xuất khoảng 200.000 cây giống đồng đều, đúng giống mỗi năm.',
      requirements:
        'Công nghệ nhân giống đã chứng minh cây con sống tốt ngoài vườn ươm; chuyển giao được cho đội ngũ kỹ thuật của doanh nghiệp và xác nhận đúng giống bằng phân tích ADN.',
      sectors: ['medicinal_plants', 'biotech'],
      keywords: ['sâm Ngọc Linh', 'cây giống', 'nhân giống', 'dưới tán rừng', 'sạch bệnh'],
      province: 'DNG',
      trlMin: 5,
      budget: { max: 4_000_000_000, currency: 'VND' },
      transferModes: ['license_exclusive', 'consulting_training'],
    },
    relevantOffers: ['offer-ngoc-linh-tissue'],
  },
  {
    key: 'demand-rice-straw',
    owner: 'so@demo.vn',
    input: {
      title: 'Đặt hàng giải pháp xử lý rơm rạ sau thu hoạch thay cho đốt đồng, tạo phân bón hữu cơ cho nông dân',
      problem:
        'Mỗi năm thành phố Cần Thơ phát sinh khoảng 2 triệu tấn rơm rạ, trong đó hơn 60% bị đốt ngay trên ruộng, gây khói bụi ảnh hưởng giao thông và sức khỏe người dân. Vùi rơm tươi khi xuống giống vụ sau lại gây ngộ độc hữu cơ cho cây lúa. Sở KH&CN đặt hàng nhiệm vụ chuyển giao giải pháp đơn giản, chi phí thấp để HTX và nông dân tự xử lý rơm rạ thành phân bón hữu cơ.',
      requirements:
        'Quy trình nông dân tự làm được với chi phí dưới 400.000 đồng/tấn rơm; xây dựng mô hình tại ít nhất 5 HTX và đánh giá mức giảm phân hóa học.',
      sectors: ['environment', 'crops'],
      keywords: ['rơm rạ', 'đốt đồng', 'phân bón hữu cơ', 'phụ phẩm nông nghiệp', 'kinh tế tuần hoàn'],
      province: 'CTO',
      trlMin: 6,
      budget: { max: 2_500_000_000, currency: 'VND' },
      deadline: '2027-10-31',
      transferModes: ['commissioned_rd', 'consulting_training'],
    },
    relevantOffers: ['offer-straw-biofertilizer', 'offer-hillsoil-biochar'],
  },
  {
    key: 'demand-pig-farm-waste-energy',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Xử lý chất thải trang trại heo 6.000 con và tận dụng làm nguồn điện tại chỗ',
      problem:
        'Trang trại heo thịt của công ty tại Trảng Bom, Đồng Nai thải mỗi ngày khoảng 40 tấn phân và 300 m³ nước rửa chuồng. Hầm ủ hiện tại đã quá tải, mùi hôi khiến người dân xung quanh khiếu nại và trang trại đã bị nhắc nhở về xả thải. Tiền điện cho hệ thống làm mát chuồng kín khoảng 350 triệu đồng mỗi tháng, chúng tôi muốn biến chất thải thành năng lượng tái tạo để tự dùng.',
      requirements:
        'Giảm mùi và nước thải đạt QCVN 62-MT:2016/BTNMT về nước thải chăn nuôi; thời gian hoàn vốn không quá 5 năm.',
      sectors: ['livestock', 'environment', 'energy'],
      keywords: ['phân heo', 'trang trại heo', 'năng lượng tái tạo', 'giảm mùi', 'phát điện tại chỗ'],
      province: 'DNI',
      trlMin: 7,
      budget: { max: 5_000_000_000, currency: 'VND' },
      transferModes: ['turnkey', 'consulting_training'],
    },
    relevantOffers: ['offer-biogas-pig-farm', 'offer-bsf-organic-waste'],
  },
  {
    key: 'demand-market-organic-waste',
    owner: 'so@demo.vn',
    input: {
      title: 'Đặt hàng công nghệ xử lý chất thải rắn hữu cơ tại chợ đầu mối nông sản, giảm chôn lấp',
      problem:
        'Các chợ đầu mối và chợ nổi trên địa bàn thành phố phát sinh khoảng 35 tấn rau, củ, quả hư hỏng và phụ phẩm mỗi ngày, hiện được thu gom chung với rác sinh hoạt rồi đem chôn lấp. Bãi chôn lấp sắp quá tải, phát sinh nước rỉ rác và mùi hôi. Sở KH&CN đặt hàng nhiệm vụ xây dựng mô hình xử lý tại nguồn, tạo ra sản phẩm có giá trị để bù đắp chi phí vận hành.',
      requirements:
        'Xử lý tối thiểu 10 tấn/ngày trên diện tích dưới 1.000 m², không gây mùi cho khu dân cư lân cận; sản phẩm đầu ra có thị trường tiêu thụ.',
      sectors: ['environment'],
      keywords: ['chất thải rắn hữu cơ', 'chợ đầu mối', 'giảm chôn lấp', 'xử lý tại nguồn', 'kinh tế tuần hoàn'],
      province: 'CTO',
      trlMin: 6,
      budget: { max: 3_500_000_000, currency: 'VND' },
      deadline: '2027-08-31',
      transferModes: ['commissioned_rd', 'turnkey'],
    },
    relevantOffers: ['offer-bsf-organic-waste', 'offer-straw-biofertilizer'],
  },
  {
    key: 'demand-ev-battery-recycling',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Tìm công nghệ thu hồi lithium, coban, niken từ pin xe máy điện đã qua sử dụng',
      problem:
        'Công ty lắp ráp xe máy điện tại Hải Phòng dự kiến phải thu hồi khoảng 300 tấn pin lithium-ion hết tuổi thọ mỗi năm từ 2027 theo quy định trách nhiệm mở rộng của nhà sản xuất (EPR). Trong nước chưa có đơn vị xử lý được loại pin này, còn chi phí xuất khẩu pin thải ra nước ngoài rất cao. Chúng tôi tìm công nghệ tháo dỡ an toàn và thu hồi kim loại có giá trị bằng phương pháp thủy luyện.',
      requirements:
        'Hiệu suất thu hồi lithium, coban, niken trên 90%; quy trình có hệ thống xử lý khí thải và nước thải đi kèm đạt quy chuẩn.',
      sectors: ['metallurgy', 'chemicals', 'environment'],
      keywords: ['tái chế pin', 'pin lithium-ion', 'thủy luyện', 'EPR', 'thu hồi kim loại'],
      province: 'HPG',
      trlMin: 5,
      budget: { max: 15_000_000_000, currency: 'VND' },
      transferModes: ['joint_development', 'license_exclusive'],
    },
    relevantOffers: [],
  },
  {
    key: 'demand-garment-cutting',
    owner: 'doanhnghiep@demo.vn',
    input: {
      title: 'Tối ưu sơ đồ giác mẫu cắt vải bằng phần mềm thông minh để giảm hao hụt nguyên liệu',
      problem:
        'Xưởng may xuất khẩu của chúng tôi tại Nam Định cắt khoảng 25.000 m vải mỗi ngày cho các đơn hàng áo jacket, quần âu với nhiều cỡ và mã màu. Sơ đồ giác mẫu làm thủ công trên phần mềm CAD cũ, hao hụt vải 14–16%, cao hơn mức khoảng 10% của các đối thủ. Khách hàng thường đổi đơn gấp khiến nhân viên giác sơ đồ không kịp tối ưu.',
      requirements:
        'Phần mềm tự động sắp xếp chi tiết theo khổ vải và kết nối được với máy cắt tự động; giảm hao hụt tối thiểu 3 điểm phần trăm.',
      sectors: ['textiles', 'software', 'ai_data'],
      keywords: ['giác sơ đồ', 'hao hụt vải', 'dệt may', 'tối ưu hóa', 'CAD'],
      province: 'NBH',
      budget: { max: 1_500_000_000, currency: 'VND' },
      transferModes: ['license_non_exclusive', 'commissioned_rd'],
    },
    relevantOffers: [],
  },
];
