"""Demo course content: three tracks, real lessons and quizzes (written for this project)."""

TRACKS = [
    {
        "code": "steering",
        "title": "Ban chỉ đạo và Hội đồng đánh giá",
        "slug": "ban-chi-dao-hoi-dong",
        "description": (
            "<p>Dành cho thành viên <b>Ban chỉ đạo</b> các cấp, <b>Hội đồng đánh giá, phân hạng sản phẩm "
            "OCOP</b> và <b>Tổ tư vấn giúp việc</b>.</p><ul><li>Nắm khung pháp lý, mục tiêu và cách tổ chức "
            "thực hiện Chương trình OCOP.</li><li>Áp dụng đúng bộ tiêu chí, chấm điểm dựa trên bằng chứng và "
            "bảo đảm tính khách quan của Hội đồng.</li></ul>"
        ),
        "courses": [
            {
                "code": "OCOP-BCD-01",
                "slug": "khung-phap-ly-ocop",
                "title": "Khung pháp lý và tổ chức thực hiện Chương trình OCOP",
                "summary": (
                    "Mục tiêu, nguyên tắc và bộ máy thực hiện Chương trình OCOP giai đoạn 2021–2025 theo Quyết "
                    "định 919/QĐ-TTg, cùng những thay đổi khi chính quyền địa phương hai cấp vận hành từ ngày "
                    "1/7/2025."
                ),
                "objectives": [
                    "Trình bày được mục tiêu và nguyên tắc của Chương trình OCOP giai đoạn 2021–2025.",
                    "Xác định đúng chủ thể và sáu nhóm sản phẩm tham gia Chương trình.",
                    "Mô tả được vai trò của trung ương, tỉnh, xã, Hội đồng đánh giá và Tổ tư vấn giúp việc.",
                    "Chỉ đạo xây dựng kế hoạch OCOP gắn với chất lượng và hiệu quả, không chạy theo số lượng.",
                ],
                "audience": (
                    "Thành viên Ban chỉ đạo các chương trình mục tiêu quốc gia cấp tỉnh, cấp xã; thành viên Hội "
                    "đồng đánh giá, phân hạng sản phẩm OCOP và Tổ tư vấn giúp việc."
                ),
                "duration_hours": 6,
                "access": "open",
                "lessons": [
                    {
                        "title": "Kiểm tra đầu vào",
                        "slug": "kiem-tra-dau-vao",
                        "minutes": 10,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Bài kiểm tra đầu vào giúp bạn và người phụ trách lớp biết mức hiểu biết "
                                    "hiện tại về khung pháp lý của Chương trình OCOP. Hãy trả lời theo hiểu "
                                    "biết của mình, không tra cứu tài liệu; kết quả không ảnh hưởng đến việc "
                                    "hoàn thành khoá học. Cuối khoá, bạn sẽ làm bài kiểm tra với nội dung tương "
                                    "tự để thấy mức tiến bộ.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "pre_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Văn bản nào phê duyệt Chương trình Mỗi xã một sản phẩm (OCOP) giai "
                                        "đoạn 2021–2025?"
                                    ),
                                    "options": [
                                        (
                                            "Quyết định số 919/QĐ-TTg ngày 1/8/2022 của Thủ tướng Chính phủ",
                                            True,
                                        ),
                                        (
                                            "Quyết định số 148/QĐ-TTg ngày 24/2/2023 của Thủ tướng Chính phủ",
                                            False,
                                        ),
                                        (
                                            "Quyết định số 490/QĐ-TTg ngày 7/5/2018 của Thủ tướng Chính phủ",
                                            False,
                                        ),
                                        (
                                            "Quyết định số 1048/QĐ-TTg ngày 21/8/2019 của Thủ tướng Chính phủ",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Quyết định 919/QĐ-TTg phê duyệt Chương trình OCOP giai đoạn 2021–2025. "
                                        "Quyết định 490/QĐ-TTg là văn bản của giai đoạn 2018–2020; Quyết định "
                                        "1048/QĐ-TTg và Quyết định 148/QĐ-TTg là các bộ tiêu chí đánh giá, phân "
                                        "hạng sản phẩm."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Những đối tượng nào có thể là chủ thể OCOP?",
                                    "options": [
                                        (
                                            "Hợp tác xã, tổ hợp tác",
                                            True,
                                        ),
                                        (
                                            "Doanh nghiệp nhỏ và vừa",
                                            True,
                                        ),
                                        (
                                            "Hộ sản xuất có đăng ký kinh doanh",
                                            True,
                                        ),
                                        (
                                            "Ủy ban nhân dân xã",
                                            False,
                                        ),
                                        (
                                            "Cá nhân có ý tưởng nhưng chưa có đăng ký kinh doanh",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Chủ thể OCOP là các tổ chức kinh tế (hợp tác xã, tổ hợp tác, doanh "
                                        "nghiệp) và hộ sản xuất có đăng ký kinh doanh. Cơ quan nhà nước không "
                                        "phải chủ thể; cá nhân cần đăng ký hộ kinh doanh hoặc tham gia tổ chức "
                                        "kinh tế trước khi đưa sản phẩm vào đánh giá."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Trong Chương trình OCOP, Nhà nước đóng vai trò gì?",
                                    "options": [
                                        (
                                            (
                                                "Kiến tạo: ban hành chính sách, hướng dẫn, hỗ trợ, tổ chức đánh "
                                                "giá và xúc tiến thương mại"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Trực tiếp sản xuất và bán sản phẩm thay cho người dân",
                                            False,
                                        ),
                                        (
                                            "Quyết định giá bán của từng sản phẩm OCOP",
                                            False,
                                        ),
                                        (
                                            "Chỉ định mỗi xã phải sản xuất đúng một sản phẩm",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Nhà nước giữ vai trò kiến tạo và hỗ trợ; chủ thể và cộng đồng tự đề "
                                        "xuất ý tưởng, tự đầu tư và chịu trách nhiệm về sản phẩm của mình."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Chương trình OCOP giai đoạn 2021–2025 gắn với chương trình nào?",
                                    "options": [
                                        (
                                            "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
                                            True,
                                        ),
                                        (
                                            "Chương trình phát triển sản phẩm quốc gia",
                                            False,
                                        ),
                                        (
                                            "Chương trình chuyển đổi số quốc gia",
                                            False,
                                        ),
                                        (
                                            "Chương trình phát triển đô thị",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "OCOP là một nội dung của Chương trình mục tiêu quốc gia xây dựng nông "
                                        "thôn mới, vì vậy bộ máy chỉ đạo và nguồn lực của OCOP gắn với bộ máy "
                                        "nông thôn mới ở mỗi cấp."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Chương trình OCOP giai đoạn 2021–2025: mục tiêu, nguyên tắc, chủ thể",
                        "slug": "muc-tieu-nguyen-tac-chu-the",
                        "minutes": 30,
                        "body": [
                            (
                                "heading",
                                "Từ phong trào địa phương đến chương trình quốc gia",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Chương trình Mỗi xã một sản phẩm (OCOP) lấy cảm hứng từ phong trào “Mỗi "
                                    "làng một sản phẩm” của tỉnh Oita (Nhật Bản) và mô hình tương tự của Thái "
                                    "Lan, được Việt Nam điều chỉnh cho phù hợp với điều kiện nông thôn trong "
                                    "nước. Quảng Ninh là địa phương đi đầu từ năm 2013. Chương trình được triển "
                                    "khai trên phạm vi toàn quốc theo Quyết định số 490/QĐ-TTg ngày 7/5/2018 "
                                    "cho giai đoạn 2018–2020. Trên cơ sở kết quả đạt được, ngày 1/8/2022 Thủ "
                                    "tướng Chính phủ ban hành <b>Quyết định số 919/QĐ-TTg</b> phê duyệt Chương "
                                    "trình OCOP giai đoạn 2021–2025.</p><p>Điểm cần ghi nhớ: OCOP không phải là "
                                    "một chương trình đứng riêng. Đây là một nội dung quan trọng của <b>Chương "
                                    "trình mục tiêu quốc gia xây dựng nông thôn mới</b>, vì vậy kế hoạch, nguồn "
                                    "vốn và bộ máy chỉ đạo OCOP gắn chặt với bộ máy chỉ đạo nông thôn mới ở mỗi "
                                    "cấp.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Mục tiêu của giai đoạn 2021–2025",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Quyết định 919/QĐ-TTg hướng Chương trình vào phát triển kinh tế khu vực "
                                    "nông thôn theo hướng phát huy nội lực và gia tăng giá trị. Có thể tóm tắt "
                                    "các nhóm mục tiêu chính như sau:</p><ul><li><b>Về sản phẩm:</b> phát triển "
                                    "sản phẩm dựa trên lợi thế về nguyên liệu, tri thức và văn hoá địa phương; "
                                    "nâng cao chất lượng, tiêu chuẩn hoá; phấn đấu đến năm 2025 có ít nhất "
                                    "10.000 sản phẩm được đánh giá, phân hạng đạt từ 3 sao trở "
                                    "lên.</li><li><b>Về chủ thể:</b> củng cố, nâng cao năng lực các tổ chức "
                                    "kinh tế, đặc biệt là hợp tác xã và doanh nghiệp nhỏ và vừa, để họ làm chủ "
                                    "sản xuất, quản trị và thị trường.</li><li><b>Về cộng đồng:</b> tạo việc "
                                    "làm, tăng thu nhập cho người dân nông thôn, góp phần giảm nghèo và giữ gìn "
                                    "bản sắc văn hoá.</li><li><b>Về môi trường:</b> khuyến khích sản xuất xanh, "
                                    "tiết kiệm tài nguyên, giảm chất thải.</li></ul><p>Mục tiêu số lượng chỉ có "
                                    "ý nghĩa khi đi kèm chất lượng thật: một sản phẩm 3 sao phải bán được trên "
                                    "thị trường và duy trì được chất lượng sau khi được công nhận.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Các nguyên tắc thực hiện",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Tinh thần xuyên suốt của OCOP thường được khái quát trong ba định "
                                    "hướng: <i>hành động địa phương, hướng tới toàn cầu</i>; <i>tự lực, tự tin "
                                    "và sáng tạo</i>; <i>phát triển nguồn nhân lực</i>. Từ đó, khi chỉ đạo thực "
                                    "hiện cần bảo đảm:</p><ul><li><b>Nhà nước đóng vai trò kiến tạo:</b> ban "
                                    "hành chính sách, hướng dẫn, hỗ trợ đào tạo, tư vấn, xúc tiến thương mại và "
                                    "tổ chức đánh giá, phân hạng; không làm thay, không quyết định thay chủ "
                                    "thể.</li><li><b>Chủ thể và cộng đồng là trung tâm:</b> người dân, hợp tác "
                                    "xã, doanh nghiệp tự đề xuất ý tưởng, tự đầu tư và chịu trách nhiệm về sản "
                                    "phẩm của mình.</li><li><b>Thị trường định hướng:</b> sản phẩm xuất phát từ "
                                    "nhu cầu thị trường, phát triển theo chuỗi giá trị, có liên kết từ vùng "
                                    "nguyên liệu đến tiêu thụ.</li><li><b>Chất lượng và minh bạch:</b> tuân thủ "
                                    "tiêu chuẩn, quy chuẩn, an toàn thực phẩm và có truy xuất nguồn "
                                    "gốc.</li><li><b>Bền vững:</b> gắn với bảo vệ môi trường và phát huy giá "
                                    "trị văn hoá vùng miền.</li></ul>"
                                ),
                            ),
                            (
                                "heading",
                                "Chủ thể và sản phẩm tham gia",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Chủ thể OCOP là các tổ chức kinh tế (hợp tác xã, tổ hợp tác, doanh "
                                    "nghiệp nhỏ và vừa) và hộ sản xuất có đăng ký kinh doanh. Cá nhân có ý "
                                    "tưởng nhưng chưa có đăng ký kinh doanh được khuyến khích thành lập tổ chức "
                                    "kinh tế, tham gia hợp tác xã hoặc đăng ký hộ kinh doanh trước khi đưa sản "
                                    "phẩm vào đánh giá.</p><p>Sản phẩm tham gia được xếp thành sáu nhóm: thực "
                                    "phẩm; đồ uống; thảo dược; vải và may mặc; lưu niệm – nội thất – trang trí; "
                                    "dịch vụ du lịch cộng đồng và điểm du lịch. Mỗi nhóm có phiếu chấm "
                                    "riêng.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "note",
                                    "text": (
                                        "Khi xây dựng kế hoạch OCOP của địa phương, hãy hỏi ba câu: sản phẩm có "
                                        "dựa trên lợi thế thật của địa phương không; chủ thể có đủ năng lực tự "
                                        "duy trì không; thị trường có cần sản phẩm này không. Ba câu hỏi này "
                                        "quan trọng hơn chỉ tiêu số lượng sao."
                                    ),
                                },
                            ),
                        ],
                        "quiz": {
                            "role": None,
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Theo tinh thần của Quyết định 919/QĐ-TTg, ai quyết định ý tưởng và đầu "
                                        "tư cho một sản phẩm OCOP?"
                                    ),
                                    "options": [
                                        (
                                            "Chủ thể: hợp tác xã, doanh nghiệp hoặc hộ sản xuất có đăng ký kinh doanh",
                                            True,
                                        ),
                                        (
                                            "Ủy ban nhân dân xã",
                                            False,
                                        ),
                                        (
                                            "Hội đồng đánh giá, phân hạng sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Văn phòng điều phối nông thôn mới",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Chủ thể và cộng đồng là trung tâm: họ tự đề xuất ý tưởng, tự đầu tư và "
                                        "chịu trách nhiệm; Nhà nước hướng dẫn, hỗ trợ và đánh giá."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Những nhóm nào thuộc sáu nhóm sản phẩm của Chương trình OCOP?",
                                    "options": [
                                        (
                                            "Thảo dược",
                                            True,
                                        ),
                                        (
                                            "Dịch vụ du lịch cộng đồng và điểm du lịch",
                                            True,
                                        ),
                                        (
                                            "Vải và may mặc",
                                            True,
                                        ),
                                        (
                                            "Phân bón hoá học và thuốc bảo vệ thực vật",
                                            False,
                                        ),
                                        (
                                            "Dịch vụ tài chính, ngân hàng",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Sáu nhóm gồm: thực phẩm; đồ uống; thảo dược; vải và may mặc; lưu niệm "
                                        "– nội thất – trang trí; dịch vụ du lịch cộng đồng và điểm du lịch."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Tổ chức bộ máy và vai trò của các cấp",
                        "slug": "to-chuc-bo-may-cac-cap",
                        "minutes": 30,
                        "body": [
                            (
                                "heading",
                                "Cấp trung ương",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Thủ tướng Chính phủ phê duyệt Chương trình; Ban Chỉ đạo Trung ương các "
                                    "chương trình mục tiêu quốc gia chỉ đạo chung. Bộ Nông nghiệp và Phát triển "
                                    "nông thôn (từ năm 2025 là Bộ Nông nghiệp và Môi trường) là cơ quan chủ "
                                    "trì, với Văn phòng Điều phối nông thôn mới Trung ương làm đầu mối giúp "
                                    "việc. Các bộ, ngành khác tham gia theo chức năng, ví dụ:</p><ul><li>Bộ "
                                    "Công Thương: xúc tiến thương mại, kênh phân phối, thương mại điện "
                                    "tử;</li><li>Bộ Khoa học và Công nghệ: tiêu chuẩn, đo lường, chất lượng, sở "
                                    "hữu trí tuệ, truy xuất nguồn gốc;</li><li>Bộ Y tế: an toàn thực phẩm đối "
                                    "với các nhóm sản phẩm thuộc phạm vi quản lý;</li><li>Bộ Văn hoá, Thể thao "
                                    "và Du lịch: sản phẩm du lịch cộng đồng, điểm du lịch.</li></ul><p>Hội đồng "
                                    "đánh giá, phân hạng sản phẩm cấp trung ương xem xét các sản phẩm 4 sao do "
                                    "tỉnh đề nghị để công nhận sản phẩm 5 sao.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Cấp tỉnh",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện Chương trình OCOP của "
                                    "tỉnh, bố trí ngân sách và lồng ghép các nguồn vốn. Ban Chỉ đạo các chương "
                                    "trình mục tiêu quốc gia cấp tỉnh chỉ đạo, đôn đốc; cơ quan chuyên môn về "
                                    "nông nghiệp cùng Văn phòng điều phối nông thôn mới tỉnh làm đầu mối tham "
                                    "mưu. Tỉnh thành lập Hội đồng đánh giá, phân hạng sản phẩm cấp tỉnh và Tổ "
                                    "tư vấn giúp việc, tổ chức các đợt đánh giá trong năm và đề nghị trung ương "
                                    "xem xét sản phẩm tiềm năng 5 sao.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Cấp xã và thay đổi từ ngày 1/7/2025",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Trước ngày 1/7/2025, cấp huyện giữ vai trò lớn: tuyên truyền, tiếp nhận "
                                    "hồ sơ, tổ chức đánh giá ở cấp huyện và đề xuất sản phẩm lên tỉnh. Từ ngày "
                                    "1/7/2025, chính quyền địa phương được tổ chức theo mô hình hai cấp (tỉnh "
                                    "và xã); các nhiệm vụ OCOP trước đây của cấp huyện được chuyển giao cho cấp "
                                    "xã hoặc cấp tỉnh theo phân công của tỉnh. Ủy ban nhân dân xã trở thành nơi "
                                    "gần chủ thể nhất: tuyên truyền, phát hiện ý tưởng, hướng dẫn đăng ký, hỗ "
                                    "trợ hoàn thiện hồ sơ, theo dõi sản phẩm sau công nhận và báo cáo.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Hội đồng đánh giá và Tổ tư vấn giúp việc",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Hội đồng gồm lãnh đạo cơ quan chuyên môn, đại diện các ngành liên quan "
                                    "và chuyên gia am hiểu từng nhóm sản phẩm. Hội đồng làm việc tập thể; mỗi "
                                    "thành viên chấm điểm độc lập và chịu trách nhiệm về điểm của mình. Tổ tư "
                                    "vấn giúp việc kiểm tra tính đầy đủ, hợp lệ của hồ sơ, khảo sát thực tế tại "
                                    "cơ sở sản xuất, chuẩn bị mẫu và tổng hợp kết quả. Tổ tư vấn có thể đưa ra "
                                    "nhận xét sơ bộ, nhưng <b>kết quả phân hạng là kết quả chấm điểm của Hội "
                                    "đồng</b>; Hội đồng không nên chỉ dựa vào báo cáo của Tổ tư vấn mà bỏ qua "
                                    "việc tự xem xét bằng chứng.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Ban chỉ đạo làm gì để Chương trình hiệu quả",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul><li>Ban hành kế hoạch năm rõ việc, rõ người, rõ thời hạn, dựa trên rà "
                                    "soát tiềm năng sản phẩm thực tế;</li><li>Ưu tiên hỗ trợ nâng cấp sản phẩm "
                                    "có chủ thể mạnh và thị trường rõ, thay vì hỗ trợ dàn trải;</li><li>Lồng "
                                    "ghép nguồn vốn khuyến nông, khuyến công, khoa học và công nghệ, xúc tiến "
                                    "thương mại;</li><li>Kiểm tra, giám sát việc duy trì chất lượng của sản "
                                    "phẩm đã được công nhận;</li><li>Sơ kết, tổng kết, khen thưởng và kịp thời "
                                    "tháo gỡ vướng mắc cho cơ sở.</li></ul>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "text": (
                                        "Giao chỉ tiêu số lượng sản phẩm cho từng xã mà không xét năng lực chủ "
                                        "thể dễ dẫn đến hồ sơ đối phó: sản phẩm được công nhận nhưng không bán "
                                        "được hoặc không duy trì được chất lượng. Chỉ tiêu nên gắn với chất "
                                        "lượng và hiệu quả kinh tế."
                                    ),
                                },
                            ),
                        ],
                        "quiz": None,
                    },
                    {
                        "title": "Kiểm tra cuối khoá",
                        "slug": "kiem-tra-cuoi-khoa",
                        "minutes": 15,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Khoá học đã giới thiệu Quyết định 919/QĐ-TTg phê duyệt Chương trình "
                                    "OCOP giai đoạn 2021–2025 với các mục tiêu về sản phẩm, chủ thể, cộng đồng "
                                    "và môi trường; nguyên tắc Nhà nước kiến tạo, chủ thể làm trung tâm; bộ máy "
                                    "từ trung ương đến cơ sở và thay đổi khi chính quyền địa phương hai cấp vận "
                                    "hành từ ngày 1/7/2025. Bài kiểm tra dưới đây giúp đo mức tiến bộ so với "
                                    "bài kiểm tra đầu vào.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "final_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Văn bản nào phê duyệt Chương trình Mỗi xã một sản phẩm (OCOP) giai "
                                        "đoạn 2021–2025?"
                                    ),
                                    "options": [
                                        (
                                            "Quyết định số 919/QĐ-TTg ngày 1/8/2022 của Thủ tướng Chính phủ",
                                            True,
                                        ),
                                        (
                                            "Quyết định số 148/QĐ-TTg ngày 24/2/2023 của Thủ tướng Chính phủ",
                                            False,
                                        ),
                                        (
                                            "Quyết định số 490/QĐ-TTg ngày 7/5/2018 của Thủ tướng Chính phủ",
                                            False,
                                        ),
                                        (
                                            "Quyết định số 1048/QĐ-TTg ngày 21/8/2019 của Thủ tướng Chính phủ",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Quyết định 919/QĐ-TTg phê duyệt Chương trình OCOP giai đoạn 2021–2025. "
                                        "Quyết định 490/QĐ-TTg là văn bản của giai đoạn 2018–2020; Quyết định "
                                        "1048/QĐ-TTg và Quyết định 148/QĐ-TTg là các bộ tiêu chí đánh giá, phân "
                                        "hạng sản phẩm."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Những đối tượng nào có thể là chủ thể OCOP?",
                                    "options": [
                                        (
                                            "Hợp tác xã, tổ hợp tác",
                                            True,
                                        ),
                                        (
                                            "Doanh nghiệp nhỏ và vừa",
                                            True,
                                        ),
                                        (
                                            "Hộ sản xuất có đăng ký kinh doanh",
                                            True,
                                        ),
                                        (
                                            "Ủy ban nhân dân xã",
                                            False,
                                        ),
                                        (
                                            "Cá nhân có ý tưởng nhưng chưa có đăng ký kinh doanh",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Chủ thể OCOP là các tổ chức kinh tế (hợp tác xã, tổ hợp tác, doanh "
                                        "nghiệp) và hộ sản xuất có đăng ký kinh doanh. Cơ quan nhà nước không "
                                        "phải chủ thể; cá nhân cần đăng ký hộ kinh doanh hoặc tham gia tổ chức "
                                        "kinh tế trước khi đưa sản phẩm vào đánh giá."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Nhận định nào đúng về Chương trình OCOP giai đoạn 2021–2025?",
                                    "options": [
                                        (
                                            "Là một nội dung của Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
                                            True,
                                        ),
                                        (
                                            "Nhà nước kiến tạo; chủ thể tự quyết định và chịu trách nhiệm về sản phẩm",
                                            True,
                                        ),
                                        (
                                            "Mỗi xã bắt buộc phải có đúng một sản phẩm được công nhận",
                                            False,
                                        ),
                                        (
                                            "Chỉ doanh nghiệp lớn mới được tham gia",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "OCOP thuộc Chương trình mục tiêu quốc gia xây dựng nông thôn mới, vận "
                                        "hành theo nguyên tắc Nhà nước kiến tạo, chủ thể làm trung tâm. Tên gọi "
                                        "“mỗi xã một sản phẩm” không có nghĩa là chỉ tiêu cứng một sản phẩm cho "
                                        "mỗi xã; chủ thể chủ yếu là hợp tác xã, doanh nghiệp nhỏ và vừa, hộ sản "
                                        "xuất."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Từ ngày 1/7/2025, các nhiệm vụ OCOP trước đây của cấp huyện được xử lý "
                                        "thế nào?"
                                    ),
                                    "options": [
                                        (
                                            "Chuyển giao cho cấp xã hoặc cấp tỉnh theo phân công của tỉnh",
                                            True,
                                        ),
                                        (
                                            "Giữ nguyên ở cấp huyện như trước",
                                            False,
                                        ),
                                        (
                                            "Chuyển toàn bộ về bộ chủ quản ở trung ương",
                                            False,
                                        ),
                                        (
                                            "Tạm dừng cho đến hết giai đoạn 2021–2025",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Chính quyền địa phương tổ chức theo hai cấp (tỉnh và xã); nhiệm vụ của "
                                        "cấp huyện được chuyển giao cho xã hoặc tỉnh theo phân công của tỉnh."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Nhận định nào đúng về Tổ tư vấn giúp việc Hội đồng đánh giá?",
                                    "options": [
                                        (
                                            (
                                                "Kiểm tra hồ sơ, khảo sát thực tế, chuẩn bị mẫu; kết quả phân "
                                                "hạng là kết quả chấm của Hội đồng"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Tổ tư vấn chấm điểm thay Hội đồng để tiết kiệm thời gian",
                                            False,
                                        ),
                                        (
                                            "Tổ tư vấn ra quyết định công nhận sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Tổ tư vấn chỉ làm việc sau khi có quyết định công nhận",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Tổ tư vấn giúp Hội đồng chuẩn bị và kiểm tra; mỗi thành viên Hội đồng "
                                        "chấm điểm độc lập và chịu trách nhiệm về điểm của mình."
                                    ),
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "code": "OCOP-BCD-02",
                "slug": "bo-tieu-chi-danh-gia-phan-hang",
                "title": "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP",
                "summary": (
                    "Cấu trúc bộ tiêu chí theo Quyết định 148/QĐ-TTg, thang phân hạng sao và cách Hội đồng kiểm "
                    "tra bằng chứng, chấm điểm trung thực, xử lý xung đột lợi ích, lập biên bản."
                ),
                "objectives": [
                    "Giải thích được cấu trúc ba phần của bộ tiêu chí và cơ cấu điểm 40–25–35.",
                    "Xếp hạng sao chính xác từ tổng điểm trung bình, kể cả các trường hợp sát ngưỡng.",
                    "Kiểm tra hồ sơ và bằng chứng của chủ thể trước và trong phiên chấm.",
                    "Nhận diện và xử lý xung đột lợi ích, lập biên bản phiên họp đầy đủ.",
                ],
                "audience": (
                    "Thành viên Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh và Tổ tư vấn giúp việc; cán "
                    "bộ cơ quan thường trực Chương trình OCOP."
                ),
                "duration_hours": 8,
                "access": "enrolled",
                "lessons": [
                    {
                        "title": "Kiểm tra đầu vào",
                        "slug": "kiem-tra-dau-vao",
                        "minutes": 10,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Bài kiểm tra đầu vào gồm bốn câu hỏi về bộ tiêu chí, thang phân hạng "
                                    "sao và nguyên tắc làm việc của Hội đồng. Hãy trả lời theo hiểu biết hiện "
                                    "tại, không tra cứu tài liệu. Kết quả giúp so sánh với bài kiểm tra cuối "
                                    "khoá để đánh giá mức tiến bộ.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "pre_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP hiện hành "
                                        "được ban hành kèm theo văn bản nào?"
                                    ),
                                    "options": [
                                        (
                                            "Quyết định số 148/QĐ-TTg ngày 24/2/2023",
                                            True,
                                        ),
                                        (
                                            "Quyết định số 1048/QĐ-TTg ngày 21/8/2019",
                                            False,
                                        ),
                                        (
                                            "Quyết định số 919/QĐ-TTg ngày 1/8/2022",
                                            False,
                                        ),
                                        (
                                            "Quyết định số 490/QĐ-TTg ngày 7/5/2018",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Quyết định 148/QĐ-TTg thay thế bộ tiêu chí năm 2019 (Quyết định "
                                        "1048/QĐ-TTg). Quyết định 919/QĐ-TTg phê duyệt Chương trình, không phải "
                                        "bộ tiêu chí."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Cơ cấu điểm của ba phần trong bộ tiêu chí hiện hành là gì?",
                                    "options": [
                                        (
                                            "Phần A 40 điểm, Phần B 25 điểm, Phần C 35 điểm",
                                            True,
                                        ),
                                        (
                                            "Phần A 35 điểm, Phần B 25 điểm, Phần C 40 điểm",
                                            False,
                                        ),
                                        (
                                            "Phần A 30 điểm, Phần B 30 điểm, Phần C 40 điểm",
                                            False,
                                        ),
                                        (
                                            "Phần A 50 điểm, Phần B 20 điểm, Phần C 30 điểm",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Phần A – Sản phẩm và sức mạnh cộng đồng: 40 điểm; Phần B – Khả năng "
                                        "tiếp thị: 25 điểm; Phần C – Chất lượng sản phẩm: 35 điểm; tổng 100 "
                                        "điểm. Cơ cấu 35–25–40 là của bộ tiêu chí năm 2019."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Một sản phẩm có tổng điểm trung bình 78 điểm được xếp hạng mấy sao?",
                                    "options": [
                                        (
                                            "3 sao",
                                            True,
                                        ),
                                        (
                                            "4 sao",
                                            False,
                                        ),
                                        (
                                            "2 sao",
                                            False,
                                        ),
                                        (
                                            "5 sao",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": "3 sao ứng với từ 70 đến dưới 90 điểm.",
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": (
                                        "Trường hợp nào là xung đột lợi ích, thành viên Hội đồng phải khai báo "
                                        "và không chấm sản phẩm đó?"
                                    ),
                                    "options": [
                                        (
                                            "Thành viên đã trực tiếp tư vấn xây dựng hồ sơ cho chính chủ thể này",
                                            True,
                                        ),
                                        (
                                            "Thành viên có quan hệ gia đình với người đứng đầu chủ thể",
                                            True,
                                        ),
                                        (
                                            "Thành viên có góp vốn vào hợp tác xã đang được đánh giá",
                                            True,
                                        ),
                                        (
                                            "Thành viên là chuyên gia về cùng nhóm sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Thành viên từng mua một sản phẩm cùng loại trên thị trường",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Quan hệ gia đình, góp vốn, làm việc hoặc đã tư vấn cho chủ thể đều có "
                                        "thể ảnh hưởng đến tính khách quan. Chuyên môn về nhóm sản phẩm hay "
                                        "từng là người tiêu dùng không phải xung đột lợi ích."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Cấu trúc bộ tiêu chí và thang phân hạng sao",
                        "slug": "cau-truc-bo-tieu-chi",
                        "minutes": 30,
                        "body": [
                            (
                                "heading",
                                "Căn cứ pháp lý hiện hành",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP hiện hành "
                                    "được ban hành kèm theo <b>Quyết định số 148/QĐ-TTg ngày 24/2/2023</b> của "
                                    "Thủ tướng Chính phủ, thay thế bộ tiêu chí ban hành năm 2019 theo Quyết "
                                    "định 1048/QĐ-TTg. So với trước, bộ tiêu chí mới tăng trọng số cho tổ chức "
                                    "sản xuất và vai trò cộng đồng, nâng yêu cầu về tiêu chuẩn, quy chuẩn, chú "
                                    "trọng giá trị văn hoá và giảm bớt chỉ tiêu đánh giá cảm quan.</p><p>Sản "
                                    "phẩm được chia theo sáu nhóm và nhiều bộ sản phẩm nhỏ hơn; mỗi bộ có phiếu "
                                    "chấm riêng. Vì vậy, trước khi chấm, thành viên Hội đồng phải xác định đúng "
                                    "sản phẩm thuộc bộ nào và dùng đúng phiếu chấm.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Ba phần tiêu chí, tổng 100 điểm",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul><li><b>Phần A – Sản phẩm và sức mạnh cộng đồng (40 điểm):</b> tổ chức "
                                    "sản xuất (nguồn nguyên liệu, liên kết chuỗi, gia tăng giá trị, công suất, "
                                    "bảo vệ môi trường), phát triển sản phẩm và sức mạnh cộng đồng (loại hình "
                                    "chủ thể, sự tham gia của cộng đồng, sử dụng lao động địa phương, kế toán, "
                                    "hiệu quả kinh doanh).</li><li><b>Phần B – Khả năng tiếp thị (25 điểm):</b> "
                                    "bao bì, nhãn, kênh phân phối, hoạt động quảng bá, câu chuyện sản phẩm và "
                                    "các yếu tố giúp sản phẩm đến với người mua.</li><li><b>Phần C – Chất lượng "
                                    "sản phẩm (35 điểm):</b> chất lượng cảm quan, tính độc đáo, tiêu chuẩn sản "
                                    "phẩm, công bố chất lượng, an toàn thực phẩm hoặc an toàn cho người sử "
                                    "dụng, tiềm năng thị trường.</li></ul><p>Tên và mức điểm của từng tiêu chí "
                                    "nhỏ khác nhau theo bộ sản phẩm, nên luôn đối chiếu với phiếu chấm cụ "
                                    "thể.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Thang phân hạng sao",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Điểm dùng để phân hạng là tổng điểm trung bình của các thành viên Hội "
                                    "đồng:</p><ul><li><b>1 sao:</b> từ 30 đến dưới 50 điểm – sản phẩm còn yếu, "
                                    "cần cải thiện nhiều mặt;</li><li><b>2 sao:</b> từ 50 đến dưới 70 điểm – đã "
                                    "có nền tảng nhưng chưa đáp ứng đầy đủ yêu cầu;</li><li><b>3 sao:</b> từ 70 "
                                    "đến dưới 90 điểm – đạt yêu cầu, có thể nâng cấp;</li><li><b>4 sao:</b> từ "
                                    "90 đến 100 điểm – sản phẩm tốt, có thể hướng tới thị trường cao "
                                    "cấp;</li><li><b>5 sao:</b> sản phẩm đã đạt 4 sao, được tỉnh đề nghị và "
                                    "được Hội đồng cấp trung ương đánh giá lại đạt từ 90 điểm trở lên – sản "
                                    "phẩm tiêu biểu cấp quốc gia.</li></ul><p>Sản phẩm dưới 30 điểm không được "
                                    "xếp hạng. Kết quả công nhận có hiệu lực 36 tháng; hết thời hạn, chủ thể "
                                    "phải đề nghị đánh giá lại nếu muốn tiếp tục sử dụng hạng sao.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Đọc và áp dụng tiêu chí",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Mỗi tiêu chí có các mức điểm được mô tả cụ thể. Thành viên Hội đồng cần "
                                    "nắm ba nguyên tắc:</p><ol><li><b>Chọn đúng một mức cho mỗi tiêu chí</b>, "
                                    "là mức cao nhất mà chủ thể có bằng chứng đáp ứng đầy đủ; không cộng dồn "
                                    "các mức, không chấm lưng chừng giữa hai mức.</li><li><b>Không có bằng "
                                    "chứng thì chấm ở mức thấp nhất</b>, dù phần trình bày hấp dẫn đến "
                                    "đâu.</li><li><b>Xem các tiêu chí trong mối liên hệ:</b> điểm về liên kết "
                                    "vùng nguyên liệu ở Phần A phải khớp với hợp đồng, hoá đơn mua nguyên liệu; "
                                    "điểm về tiêu chuẩn ở Phần C phải khớp với tiêu chuẩn đã công bố và phiếu "
                                    "kiểm nghiệm; điểm về nhãn ở Phần B phải khớp với mẫu sản phẩm thực "
                                    "tế.</li></ol>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "Trước mỗi phiên chấm, Tổ tư vấn nên chuẩn bị cho từng sản phẩm một "
                                        "bảng đối chiếu “tiêu chí – bằng chứng – trang hồ sơ”. Bảng này giúp "
                                        "thành viên Hội đồng chấm nhanh, thống nhất và dễ giải trình khi có "
                                        "khiếu nại."
                                    ),
                                },
                            ),
                        ],
                        "quiz": {
                            "role": None,
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Một sản phẩm có tổng điểm trung bình 91 điểm tại Hội đồng cấp tỉnh "
                                        "được xếp hạng nào?"
                                    ),
                                    "options": [
                                        (
                                            "4 sao",
                                            True,
                                        ),
                                        (
                                            "5 sao",
                                            False,
                                        ),
                                        (
                                            "3 sao",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Từ 90 đến 100 điểm là 4 sao. Hạng 5 sao chỉ được xét khi sản phẩm 4 "
                                        "sao được tỉnh đề nghị và Hội đồng cấp trung ương đánh giá lại."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Nhận định nào đúng về sản phẩm 5 sao?",
                                    "options": [
                                        (
                                            "Phải là sản phẩm đã được công nhận 4 sao",
                                            True,
                                        ),
                                        (
                                            "Do Hội đồng cấp trung ương đánh giá lại và cần đạt từ 90 điểm trở lên",
                                            True,
                                        ),
                                        (
                                            "Tỉnh tự công nhận 5 sao khi sản phẩm đạt từ 95 điểm",
                                            False,
                                        ),
                                        (
                                            "Mọi sản phẩm đạt 90 điểm ở lần đánh giá đầu tiên tự động thành 5 sao",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "5 sao là sản phẩm 4 sao được tỉnh đề nghị, được đánh giá lại ở cấp "
                                        "trung ương và đạt từ 90 điểm trở lên."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Quy trình chấm: hồ sơ, bằng chứng và liêm chính của Hội đồng",
                        "slug": "quy-trinh-cham-bang-chung",
                        "minutes": 35,
                        "body": [
                            (
                                "heading",
                                "Các bước của một đợt đánh giá",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ol><li><b>Tiếp nhận và kiểm tra hồ sơ:</b> Tổ tư vấn kiểm tra tính đầy "
                                    "đủ, hợp lệ, thời hạn của giấy tờ; đề nghị chủ thể bổ sung nếu "
                                    "thiếu.</li><li><b>Khảo sát thực tế:</b> đến cơ sở sản xuất, xem nguyên "
                                    "liệu, thiết bị, điều kiện vệ sinh, sổ sách; chụp ảnh và lập biên bản khảo "
                                    "sát.</li><li><b>Chuẩn bị mẫu:</b> mẫu phải đúng sản phẩm, đúng quy cách và "
                                    "nhãn như khi bán ra thị trường.</li><li><b>Phiên họp Hội đồng:</b> chủ thể "
                                    "trình bày ngắn gọn; thành viên hỏi, đối chiếu bằng chứng, đánh giá cảm "
                                    "quan khi cần.</li><li><b>Chấm điểm độc lập:</b> mỗi thành viên chấm phiếu "
                                    "riêng và ký tên.</li><li><b>Tổng hợp, lập biên bản:</b> tính điểm trung "
                                    "bình, xác định hạng, thông qua biên bản.</li><li><b>Đề nghị công nhận và "
                                    "phản hồi:</b> cơ quan thường trực trình cấp có thẩm quyền ra quyết định "
                                    "công nhận; gửi nhận xét cho chủ thể.</li></ol>"
                                ),
                            ),
                            (
                                "heading",
                                "Kiểm tra hồ sơ và bằng chứng",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Hồ sơ tốt không phải là hồ sơ dày, mà là hồ sơ có bằng chứng đúng. Khi "
                                    "xem xét, cần chú ý:</p><ul><li>Giấy đăng ký kinh doanh, giấy chứng nhận cơ "
                                    "sở đủ điều kiện an toàn thực phẩm (hoặc bản cam kết đối với cơ sở thuộc "
                                    "diện không phải cấp giấy), văn bằng sở hữu trí tuệ: còn hiệu lực, đúng tên "
                                    "chủ thể;</li><li>Phiếu kết quả kiểm nghiệm: đúng sản phẩm, do phòng thử "
                                    "nghiệm đủ năng lực thực hiện, các chỉ tiêu phù hợp với tiêu chuẩn đã công "
                                    "bố;</li><li>Nhãn trên mẫu: khớp với tiêu chuẩn công bố và thông tin trong "
                                    "hồ sơ;</li><li>Hợp đồng liên kết, danh sách lao động, sổ sách kế toán: có "
                                    "thật, có chữ ký, có giao dịch phát sinh, không chỉ là mẫu in "
                                    "sẵn.</li></ul><p>Khi có nghi vấn, Hội đồng ghi nhận và đề nghị làm rõ, "
                                    "thay vì tự suy đoán theo hướng có lợi hay bất lợi cho chủ thể.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Chấm điểm trung thực và xử lý xung đột lợi ích",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Áp lực hoàn thành chỉ tiêu có thể khiến điểm bị “nâng đỡ”. Điều này gây "
                                    "hại cho chính chủ thể: sản phẩm được công nhận cao hơn năng lực thật sẽ "
                                    "khó đứng vững trên thị trường và dễ bị phát hiện khi kiểm tra. Vì "
                                    "vậy:</p><ul><li>Thành viên có quan hệ gia đình, góp vốn, làm việc hoặc đã "
                                    "trực tiếp tư vấn xây dựng hồ sơ cho chủ thể phải khai báo trước phiên họp "
                                    "và không chấm sản phẩm đó;</li><li>Không trao đổi để thống nhất điểm trước "
                                    "khi chấm; thảo luận chỉ nhằm làm rõ bằng chứng;</li><li>Khi điểm của các "
                                    "thành viên chênh lệch lớn, Chủ tịch Hội đồng nên cho thảo luận lại các "
                                    "tiêu chí chênh lệch và ghi nhận lý do; thành viên chỉ điều chỉnh điểm khi "
                                    "được thuyết phục bằng bằng chứng.</li></ul>"
                                ),
                            ),
                            (
                                "heading",
                                "Biên bản và phản hồi cho chủ thể",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Biên bản phiên họp cần ghi rõ thời gian, địa điểm, thành phần có mặt, "
                                    "các trường hợp khai báo xung đột lợi ích, danh sách sản phẩm, điểm của "
                                    "từng thành viên, điểm trung bình, hạng sao đề xuất, các ý kiến khác nhau "
                                    "(nếu có) và kiến nghị. Phiếu chấm gốc được lưu cùng biên bản. Với mỗi sản "
                                    "phẩm, nên có nhận xét ngắn về điểm mạnh và những tiêu chí cần cải thiện, "
                                    "để chủ thể biết phải làm gì trước lần đánh giá sau.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "text": (
                                        "Một phiếu chấm không có chữ ký hoặc một biên bản thiếu điểm của từng "
                                        "thành viên cũng có thể khiến kết quả công nhận bị khiếu nại. Hãy kiểm "
                                        "tra đầy đủ hồ sơ phiên họp trước khi kết thúc làm việc."
                                    ),
                                },
                            ),
                        ],
                        "quiz": None,
                    },
                    {
                        "title": "Kiểm tra cuối khoá",
                        "slug": "kiem-tra-cuoi-khoa",
                        "minutes": 15,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Khoá học đã trình bày bộ tiêu chí theo Quyết định 148/QĐ-TTg với ba "
                                    "phần A, B, C (40, 25 và 35 điểm), thang phân hạng từ 1 đến 5 sao, các bước "
                                    "của một đợt đánh giá, cách kiểm tra bằng chứng, chấm điểm trung thực, xử "
                                    "lý xung đột lợi ích và lập biên bản. Bài kiểm tra dưới đây đo mức tiến bộ "
                                    "so với bài kiểm tra đầu vào.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "final_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP hiện hành "
                                        "được ban hành kèm theo văn bản nào?"
                                    ),
                                    "options": [
                                        (
                                            "Quyết định số 148/QĐ-TTg ngày 24/2/2023",
                                            True,
                                        ),
                                        (
                                            "Quyết định số 1048/QĐ-TTg ngày 21/8/2019",
                                            False,
                                        ),
                                        (
                                            "Quyết định số 919/QĐ-TTg ngày 1/8/2022",
                                            False,
                                        ),
                                        (
                                            "Quyết định số 490/QĐ-TTg ngày 7/5/2018",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Quyết định 148/QĐ-TTg thay thế bộ tiêu chí năm 2019 (Quyết định "
                                        "1048/QĐ-TTg). Quyết định 919/QĐ-TTg phê duyệt Chương trình, không phải "
                                        "bộ tiêu chí."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Cơ cấu điểm của ba phần trong bộ tiêu chí hiện hành là gì?",
                                    "options": [
                                        (
                                            "Phần A 40 điểm, Phần B 25 điểm, Phần C 35 điểm",
                                            True,
                                        ),
                                        (
                                            "Phần A 35 điểm, Phần B 25 điểm, Phần C 40 điểm",
                                            False,
                                        ),
                                        (
                                            "Phần A 30 điểm, Phần B 30 điểm, Phần C 40 điểm",
                                            False,
                                        ),
                                        (
                                            "Phần A 50 điểm, Phần B 20 điểm, Phần C 30 điểm",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Phần A – Sản phẩm và sức mạnh cộng đồng: 40 điểm; Phần B – Khả năng "
                                        "tiếp thị: 25 điểm; Phần C – Chất lượng sản phẩm: 35 điểm; tổng 100 "
                                        "điểm. Cơ cấu 35–25–40 là của bộ tiêu chí năm 2019."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Một sản phẩm có tổng điểm trung bình 69,5 điểm được xếp hạng mấy sao?",
                                    "options": [
                                        (
                                            "2 sao",
                                            True,
                                        ),
                                        (
                                            "3 sao",
                                            False,
                                        ),
                                        (
                                            "1 sao",
                                            False,
                                        ),
                                        (
                                            "Không được xếp hạng",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "2 sao ứng với từ 50 đến dưới 70 điểm; 69,5 điểm chưa đạt ngưỡng 70 của "
                                        "hạng 3 sao."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": (
                                        "Trường hợp nào là xung đột lợi ích, thành viên Hội đồng phải khai báo "
                                        "và không chấm sản phẩm đó?"
                                    ),
                                    "options": [
                                        (
                                            "Thành viên đã trực tiếp tư vấn xây dựng hồ sơ cho chính chủ thể này",
                                            True,
                                        ),
                                        (
                                            "Thành viên có quan hệ gia đình với người đứng đầu chủ thể",
                                            True,
                                        ),
                                        (
                                            "Thành viên có góp vốn vào hợp tác xã đang được đánh giá",
                                            True,
                                        ),
                                        (
                                            "Thành viên là chuyên gia về cùng nhóm sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Thành viên từng mua một sản phẩm cùng loại trên thị trường",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Quan hệ gia đình, góp vốn, làm việc hoặc đã tư vấn cho chủ thể đều có "
                                        "thể ảnh hưởng đến tính khách quan. Chuyên môn về nhóm sản phẩm hay "
                                        "từng là người tiêu dùng không phải xung đột lợi ích."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Chủ thể chỉ trình bày miệng về liên kết vùng nguyên liệu, không có hợp "
                                        "đồng hay hoá đơn. Thành viên Hội đồng nên làm gì?"
                                    ),
                                    "options": [
                                        (
                                            "Chấm mức thấp nhất của tiêu chí đó và ghi nhận đề nghị bổ sung bằng chứng",
                                            True,
                                        ),
                                        (
                                            "Chấm mức cao vì chủ thể có uy tín trong vùng",
                                            False,
                                        ),
                                        (
                                            "Bỏ qua tiêu chí này, không chấm",
                                            False,
                                        ),
                                        (
                                            "Cộng thêm điểm ở tiêu chí khác để bù lại",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Không có bằng chứng thì chấm ở mức thấp nhất; mỗi tiêu chí chỉ được "
                                        "chọn một mức dựa trên bằng chứng."
                                    ),
                                },
                            ],
                        },
                    },
                ],
            },
        ],
    },
    {
        "code": "officers",
        "title": "Cán bộ triển khai cấp tỉnh, cấp xã",
        "slug": "can-bo-trien-khai",
        "description": (
            "<p>Dành cho <b>cán bộ triển khai Chương trình OCOP</b> ở cấp tỉnh và cấp xã (trước ngày 1/7/2025 "
            "có cả cấp huyện), những người trực tiếp hướng dẫn và đồng hành với chủ thể.</p><ul><li>Vận hành "
            "chu trình OCOP thường niên sáu bước ở địa phương.</li><li>Hướng dẫn chủ thể hoàn thiện hồ sơ, theo "
            "dõi sản phẩm sau công nhận và báo cáo đúng, đủ.</li></ul>"
        ),
        "courses": [
            {
                "code": "OCOP-CB-01",
                "slug": "chu-trinh-ocop-thuong-nien",
                "title": "Chu trình OCOP thường niên",
                "summary": (
                    "Sáu bước của chu trình OCOP hằng năm, đầu ra của từng bước và việc cán bộ xã cần làm, kèm "
                    "lịch công việc tham khảo theo quý."
                ),
                "objectives": [
                    "Kể đúng thứ tự và mục đích của sáu bước trong chu trình OCOP thường niên.",
                    "Xác định việc cán bộ xã cần làm và đầu ra cần đạt ở từng bước.",
                    "Lập lịch công việc OCOP trong năm của xã bám theo kế hoạch của tỉnh.",
                    "Lập và sử dụng sổ theo dõi chủ thể, sản phẩm để điều phối hỗ trợ.",
                ],
                "audience": (
                    "Cán bộ nông nghiệp, kinh tế cấp xã; cán bộ cơ quan đầu mối OCOP cấp tỉnh phụ trách hướng "
                    "dẫn cơ sở."
                ),
                "duration_hours": 6,
                "access": "open",
                "lessons": [
                    {
                        "title": "Kiểm tra đầu vào",
                        "slug": "kiem-tra-dau-vao",
                        "minutes": 10,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Bài kiểm tra đầu vào gồm bốn câu hỏi về các bước của chu trình OCOP "
                                    "thường niên. Hãy làm bài theo kinh nghiệm thực tế của bạn ở địa phương, "
                                    "không tra cứu tài liệu. Cuối khoá, bài kiểm tra với nội dung tương tự sẽ "
                                    "cho thấy bạn đã tiến bộ đến đâu.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "pre_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": "Chu trình OCOP thường niên gồm bao nhiêu bước?",
                                    "options": [
                                        (
                                            "6 bước",
                                            True,
                                        ),
                                        (
                                            "4 bước",
                                            False,
                                        ),
                                        (
                                            "5 bước",
                                            False,
                                        ),
                                        (
                                            "8 bước",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Chu trình gồm 6 bước: tuyên truyền, hướng dẫn; nhận đăng ký ý tưởng "
                                        "sản phẩm; nhận phương án, dự án sản xuất kinh doanh; triển khai phương "
                                        "án, dự án; đánh giá và phân hạng sản phẩm; xúc tiến thương mại."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Bước 2 của chu trình OCOP là gì?",
                                    "options": [
                                        (
                                            "Nhận đăng ký ý tưởng sản phẩm",
                                            True,
                                        ),
                                        (
                                            "Đánh giá và phân hạng sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Xúc tiến thương mại",
                                            False,
                                        ),
                                        (
                                            "Triển khai phương án, dự án sản xuất kinh doanh",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Sau bước 1 (tuyên truyền, hướng dẫn), chủ thể nộp phiếu đăng ký ý "
                                        "tưởng sản phẩm ở bước 2."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Những hoạt động nào thuộc bước 6 – xúc tiến thương mại?",
                                    "options": [
                                        (
                                            "Đưa sản phẩm tham gia hội chợ, triển lãm",
                                            True,
                                        ),
                                        (
                                            "Giới thiệu sản phẩm tại điểm giới thiệu và bán sản phẩm OCOP",
                                            True,
                                        ),
                                        (
                                            "Kết nối chủ thể với sàn thương mại điện tử",
                                            True,
                                        ),
                                        (
                                            "Hội đồng chấm điểm sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Tiếp nhận phiếu đăng ký ý tưởng sản phẩm",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Hội chợ, điểm bán OCOP và thương mại điện tử là kênh xúc tiến thương "
                                        "mại. Chấm điểm thuộc bước 5; tiếp nhận ý tưởng thuộc bước 2."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Thứ tự nào đúng với chu trình OCOP thường niên?",
                                    "options": [
                                        (
                                            (
                                                "Tuyên truyền → nhận ý tưởng → nhận phương án, dự án → triển "
                                                "khai → đánh giá, phân hạng → xúc tiến thương mại"
                                            ),
                                            True,
                                        ),
                                        (
                                            (
                                                "Nhận ý tưởng → đánh giá, phân hạng → tuyên truyền → nhận "
                                                "phương án, dự án → triển khai → xúc tiến thương mại"
                                            ),
                                            False,
                                        ),
                                        (
                                            (
                                                "Tuyên truyền → đánh giá, phân hạng → nhận ý tưởng → triển khai "
                                                "→ nhận phương án, dự án → xúc tiến thương mại"
                                            ),
                                            False,
                                        ),
                                        (
                                            (
                                                "Xúc tiến thương mại → tuyên truyền → nhận phương án, dự án → "
                                                "nhận ý tưởng → triển khai → đánh giá, phân hạng"
                                            ),
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Chủ thể phải có ý tưởng được chấp nhận, phương án được thông qua và "
                                        "triển khai xong trước khi đánh giá; xúc tiến thương mại là bước cuối, "
                                        "trước khi chu trình năm sau bắt đầu."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Sáu bước của chu trình OCOP",
                        "slug": "sau-buoc-chu-trinh",
                        "minutes": 30,
                        "body": [
                            (
                                "heading",
                                "Vì sao gọi là chu trình",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Chương trình OCOP được tổ chức theo một chu trình gồm sáu bước, lặp lại "
                                    "hằng năm. Sản phẩm đã được công nhận vẫn tiếp tục đi qua chu trình: được "
                                    "hỗ trợ nâng cấp, xúc tiến thương mại và đánh giá lại khi hết hiệu lực. Cán "
                                    "bộ xã là người trực tiếp vận hành chu trình ở cơ sở, vì vậy cần nắm rõ đầu "
                                    "vào, đầu ra và vai trò của mình ở từng bước.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Bước 1: Tuyên truyền, hướng dẫn",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Mục đích là để người dân, hợp tác xã, doanh nghiệp hiểu Chương trình, "
                                    "lợi ích và yêu cầu khi tham gia. Cán bộ xã tổ chức hội nghị ở thôn, đưa "
                                    "tin trên đài truyền thanh, trang thông tin điện tử của xã, nhóm mạng xã "
                                    "hội; phát tài liệu hướng dẫn; mời các chủ thể đã có sản phẩm OCOP chia sẻ "
                                    "kinh nghiệm. <b>Đầu ra:</b> danh sách cơ sở quan tâm và sản phẩm tiềm "
                                    "năng.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Bước 2: Nhận đăng ký ý tưởng sản phẩm",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Chủ thể nộp phiếu đăng ký ý tưởng sản phẩm, mô tả sản phẩm, nguyên "
                                    "liệu, thị trường dự kiến. Cán bộ xã hướng dẫn cách điền, kiểm tra điều "
                                    "kiện cơ bản (chủ thể đã có đăng ký kinh doanh chưa), tổng hợp và chuyển cơ "
                                    "quan đầu mối theo hướng dẫn của tỉnh. Ý tưởng chưa khả thi cần được phản "
                                    "hồi và gợi ý hướng điều chỉnh, không nên bị gác lại mà không giải thích. "
                                    "<b>Đầu ra:</b> danh sách ý tưởng được chấp nhận.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Bước 3: Nhận phương án, dự án sản xuất kinh doanh",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Chủ thể có ý tưởng được chấp nhận xây dựng phương án (quy mô nhỏ) hoặc "
                                    "dự án sản xuất kinh doanh, gồm: thị trường, kế hoạch sản xuất, tiêu chuẩn "
                                    "sản phẩm, bao bì, nhãn, nguồn vốn và hiệu quả dự kiến. Cán bộ xã kết nối "
                                    "chủ thể với tư vấn, lớp tập huấn và tổ chức góp ý để phương án sát thực "
                                    "tế. <b>Đầu ra:</b> phương án, dự án được thông qua.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Bước 4: Triển khai phương án, dự án",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Đây thường là bước dài nhất. Chủ thể hoàn thiện sản phẩm, xây dựng tiêu "
                                    "chuẩn, gửi mẫu kiểm nghiệm, thiết kế nhãn và bao bì, củng cố tổ chức sản "
                                    "xuất. Cán bộ xã giúp chủ thể tiếp cận chính sách hỗ trợ (khuyến nông, "
                                    "khuyến công, tín dụng), theo dõi tiến độ và nhắc các mốc thời gian. <b>Đầu "
                                    "ra:</b> sản phẩm hoàn thiện và hồ sơ sẵn sàng để đánh giá.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Bước 5: Đánh giá và phân hạng sản phẩm",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Chủ thể nộp hồ sơ đề nghị đánh giá; Hội đồng đánh giá, phân hạng theo "
                                    "bộ tiêu chí hiện hành. Cán bộ xã rà soát hồ sơ trước khi gửi, phối hợp khi "
                                    "Tổ tư vấn khảo sát thực tế, chuyển kết quả và nhận xét của Hội đồng đến "
                                    "chủ thể. <b>Đầu ra:</b> quyết định công nhận và danh sách việc cần cải "
                                    "thiện.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Bước 6: Xúc tiến thương mại",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Sản phẩm được giới thiệu qua:</p><ul><li>hội chợ, triển lãm trong và "
                                    "ngoài tỉnh;</li><li>điểm giới thiệu và bán sản phẩm OCOP;</li><li>sàn "
                                    "thương mại điện tử và mạng xã hội;</li><li>kết nối với siêu thị, doanh "
                                    "nghiệp phân phối, cơ sở du lịch.</li></ul><p>Cán bộ xã thông báo cơ hội, "
                                    "hỗ trợ chủ thể đăng ký tham gia và ghi nhận kết quả bán hàng. <b>Đầu "
                                    "ra:</b> kênh tiêu thụ ổn định và phản hồi của thị trường cho vòng cải tiến "
                                    "năm sau.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "note",
                                    "text": (
                                        "Không phải chủ thể nào cũng đi cùng tốc độ. Một hợp tác xã đã có sản "
                                        "phẩm tốt có thể đi từ bước 2 đến bước 5 trong một năm; một hộ mới bắt "
                                        "đầu có thể cần lâu hơn để hoàn thiện bước 4. Hãy theo dõi từng chủ thể "
                                        "theo đúng bước của họ."
                                    ),
                                },
                            ),
                        ],
                        "quiz": {
                            "role": None,
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": "Ở bước 3, chủ thể nộp tài liệu gì?",
                                    "options": [
                                        (
                                            "Phương án hoặc dự án sản xuất kinh doanh",
                                            True,
                                        ),
                                        (
                                            "Giấy chứng nhận sản phẩm OCOP",
                                            False,
                                        ),
                                        (
                                            "Phiếu chấm điểm của Hội đồng",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Bước 3 là nhận phương án, dự án sản xuất kinh doanh của các chủ thể có "
                                        "ý tưởng đã được chấp nhận."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Cán bộ xã làm những việc gì ở bước 5?",
                                    "options": [
                                        (
                                            "Rà soát hồ sơ của chủ thể trước khi gửi",
                                            True,
                                        ),
                                        (
                                            "Phối hợp khi Tổ tư vấn khảo sát thực tế",
                                            True,
                                        ),
                                        (
                                            "Chuyển kết quả và nhận xét của Hội đồng đến chủ thể",
                                            True,
                                        ),
                                        (
                                            "Chấm điểm sản phẩm thay Hội đồng",
                                            False,
                                        ),
                                        (
                                            "Ký quyết định công nhận sản phẩm 4 sao",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Cán bộ xã hỗ trợ và kết nối; việc chấm điểm thuộc Hội đồng, việc công "
                                        "nhận thuộc cấp có thẩm quyền."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Lịch công việc trong năm và kỹ năng của cán bộ xã",
                        "slug": "lich-cong-viec-can-bo-xa",
                        "minutes": 30,
                        "body": [
                            (
                                "heading",
                                "Lịch tham khảo theo quý",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Lịch cụ thể do tỉnh ban hành trong kế hoạch OCOP hằng năm; cán bộ xã "
                                    "cần bám sát văn bản của tỉnh. Có thể tham khảo cách phân bổ "
                                    "sau:</p><ul><li><b>Quý IV năm trước:</b> rà soát sản phẩm đã công nhận, "
                                    "sản phẩm sắp hết hiệu lực và ý tưởng mới; đề xuất nội dung vào kế hoạch "
                                    "năm sau của xã.</li><li><b>Quý I:</b> tuyên truyền, hướng dẫn (bước 1); "
                                    "nhận đăng ký ý tưởng sản phẩm (bước 2); tập huấn cho chủ thể "
                                    "mới.</li><li><b>Quý I – quý II:</b> nhận phương án, dự án (bước 3); kết "
                                    "nối tư vấn.</li><li><b>Quý II – quý III:</b> triển khai phương án (bước "
                                    "4): kiểm nghiệm, hoàn thiện nhãn, bao bì, hồ sơ.</li><li><b>Quý II – quý "
                                    "IV:</b> đánh giá, phân hạng theo các đợt (bước 5).</li><li><b>Quanh "
                                    "năm:</b> xúc tiến thương mại (bước 6), đặc biệt trước Tết và mùa du "
                                    "lịch.</li><li><b>Cuối năm:</b> tổng kết, báo cáo kết quả, cập nhật cơ sở "
                                    "dữ liệu.</li></ul>"
                                ),
                            ),
                            (
                                "heading",
                                "Sổ theo dõi chủ thể",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Mỗi xã nên có một sổ theo dõi (bảng tính hoặc phần mềm do tỉnh cung "
                                    "cấp) cho từng chủ thể và sản phẩm, gồm: tên chủ thể; loại hình (hợp tác "
                                    "xã, doanh nghiệp, hộ kinh doanh); người liên hệ; sản phẩm; bước hiện tại "
                                    "trong chu trình; hạng sao và ngày hết hiệu lực; hỗ trợ đã nhận; việc cần "
                                    "làm tiếp và hạn xử lý. Sổ này giúp cán bộ mới tiếp nhận công việc nhanh "
                                    "khi có thay đổi nhân sự và là nguồn số liệu cho báo cáo định kỳ.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Kỹ năng làm việc với chủ thể",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul><li><b>Đến tận nơi:</b> một buổi xem cơ sở sản xuất cho biết nhiều hơn "
                                    "mười trang báo cáo.</li><li><b>Nói bằng ví dụ:</b> mang theo nhãn, hồ sơ "
                                    "mẫu của sản phẩm đã đạt sao để chủ thể dễ hình dung.</li><li><b>Chia nhỏ "
                                    "việc:</b> thay vì giao “hoàn thiện hồ sơ”, hãy thống nhất “tuần này gửi "
                                    "mẫu đi kiểm nghiệm”.</li><li><b>Trung thực về khả năng đạt sao:</b> khuyến "
                                    "khích chủ thể tự chấm thử theo bộ tiêu chí để biết điểm yếu, tránh kỳ vọng "
                                    "sai.</li><li><b>Kết nối thay vì làm thay:</b> giới thiệu chuyên gia, đơn "
                                    "vị thiết kế bao bì, phòng kiểm nghiệm, nhưng để chủ thể tự lựa chọn, tự ký "
                                    "và tự chịu trách nhiệm.</li></ul>"
                                ),
                            ),
                            (
                                "heading",
                                "Phối hợp với các bên",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Cán bộ xã phối hợp với cơ quan chuyên môn cấp tỉnh về nông nghiệp, công "
                                    "thương, y tế, khoa học và công nghệ; với Hội Nông dân, Hội Liên hiệp Phụ "
                                    "nữ, Đoàn Thanh niên trong tuyên truyền; với Ngân hàng Chính sách xã hội và "
                                    "các quỹ hỗ trợ để giới thiệu nguồn vốn. Mọi đề nghị hỗ trợ nên gắn với một "
                                    "mục tiêu cụ thể trong phương án của chủ thể, ví dụ: hỗ trợ thiết kế nhãn "
                                    "để đáp ứng tiêu chí về bao bì, hay hỗ trợ kiểm nghiệm để hoàn thiện hồ sơ "
                                    "chất lượng.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "Đặt lịch nhắc trước khoảng sáu tháng cho mỗi sản phẩm sắp hết hiệu lực "
                                        "công nhận, để chủ thể có đủ thời gian kiểm nghiệm lại, cập nhật hồ sơ "
                                        "và đăng ký đánh giá lại trong đợt gần nhất của tỉnh."
                                    ),
                                },
                            ),
                        ],
                        "quiz": None,
                    },
                    {
                        "title": "Kiểm tra cuối khoá",
                        "slug": "kiem-tra-cuoi-khoa",
                        "minutes": 15,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Khoá học đã đi qua sáu bước của chu trình OCOP thường niên, đầu ra của "
                                    "từng bước, việc cán bộ xã cần làm ở mỗi bước, lịch tham khảo theo quý, "
                                    "cách lập sổ theo dõi chủ thể và nguyên tắc kết nối thay vì làm thay. Bài "
                                    "kiểm tra dưới đây giúp so sánh với kết quả đầu vào.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "final_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": "Chu trình OCOP thường niên gồm bao nhiêu bước?",
                                    "options": [
                                        (
                                            "6 bước",
                                            True,
                                        ),
                                        (
                                            "4 bước",
                                            False,
                                        ),
                                        (
                                            "5 bước",
                                            False,
                                        ),
                                        (
                                            "8 bước",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Chu trình gồm 6 bước: tuyên truyền, hướng dẫn; nhận đăng ký ý tưởng "
                                        "sản phẩm; nhận phương án, dự án sản xuất kinh doanh; triển khai phương "
                                        "án, dự án; đánh giá và phân hạng sản phẩm; xúc tiến thương mại."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Bước 2 của chu trình OCOP là gì?",
                                    "options": [
                                        (
                                            "Nhận đăng ký ý tưởng sản phẩm",
                                            True,
                                        ),
                                        (
                                            "Đánh giá và phân hạng sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Xúc tiến thương mại",
                                            False,
                                        ),
                                        (
                                            "Triển khai phương án, dự án sản xuất kinh doanh",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Sau bước 1 (tuyên truyền, hướng dẫn), chủ thể nộp phiếu đăng ký ý "
                                        "tưởng sản phẩm ở bước 2."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Những hoạt động nào thuộc bước 6 – xúc tiến thương mại?",
                                    "options": [
                                        (
                                            "Đưa sản phẩm tham gia hội chợ, triển lãm",
                                            True,
                                        ),
                                        (
                                            "Giới thiệu sản phẩm tại điểm giới thiệu và bán sản phẩm OCOP",
                                            True,
                                        ),
                                        (
                                            "Kết nối chủ thể với sàn thương mại điện tử",
                                            True,
                                        ),
                                        (
                                            "Hội đồng chấm điểm sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Tiếp nhận phiếu đăng ký ý tưởng sản phẩm",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Hội chợ, điểm bán OCOP và thương mại điện tử là kênh xúc tiến thương "
                                        "mại. Chấm điểm thuộc bước 5; tiếp nhận ý tưởng thuộc bước 2."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Thứ tự nào đúng với chu trình OCOP thường niên?",
                                    "options": [
                                        (
                                            (
                                                "Tuyên truyền → nhận ý tưởng → nhận phương án, dự án → triển "
                                                "khai → đánh giá, phân hạng → xúc tiến thương mại"
                                            ),
                                            True,
                                        ),
                                        (
                                            (
                                                "Nhận ý tưởng → đánh giá, phân hạng → tuyên truyền → nhận "
                                                "phương án, dự án → triển khai → xúc tiến thương mại"
                                            ),
                                            False,
                                        ),
                                        (
                                            (
                                                "Tuyên truyền → đánh giá, phân hạng → nhận ý tưởng → triển khai "
                                                "→ nhận phương án, dự án → xúc tiến thương mại"
                                            ),
                                            False,
                                        ),
                                        (
                                            (
                                                "Xúc tiến thương mại → tuyên truyền → nhận phương án, dự án → "
                                                "nhận ý tưởng → triển khai → đánh giá, phân hạng"
                                            ),
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Chủ thể phải có ý tưởng được chấp nhận, phương án được thông qua và "
                                        "triển khai xong trước khi đánh giá; xúc tiến thương mại là bước cuối, "
                                        "trước khi chu trình năm sau bắt đầu."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Cách làm nào đúng tinh thần “kết nối thay vì làm thay”?",
                                    "options": [
                                        (
                                            (
                                                "Giới thiệu phòng kiểm nghiệm, đơn vị thiết kế bao bì để chủ "
                                                "thể tự lựa chọn và ký hợp đồng"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Cán bộ xã ký hồ sơ thay chủ thể cho kịp hạn nộp",
                                            False,
                                        ),
                                        (
                                            "Cán bộ xã tự viết câu chuyện sản phẩm và nộp thay chủ thể",
                                            False,
                                        ),
                                        (
                                            "Cán bộ xã đặt in nhãn rồi giao cho chủ thể sử dụng",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Cán bộ xã hỗ trợ, kết nối; chủ thể tự quyết định, tự ký và chịu trách "
                                        "nhiệm về sản phẩm, hồ sơ của mình."
                                    ),
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "code": "OCOP-CB-02",
                "slug": "ho-so-theo-doi-bao-cao",
                "title": "Hướng dẫn chủ thể hoàn thiện hồ sơ và theo dõi, báo cáo",
                "summary": (
                    "Cách hướng dẫn chủ thể chuẩn bị hồ sơ sản phẩm đủ, đúng, thật; theo dõi sản phẩm sau công "
                    "nhận, đánh giá lại và báo cáo trong bộ máy chính quyền địa phương hai cấp."
                ),
                "objectives": [
                    "Liệt kê các thành phần chính của hồ sơ đề nghị đánh giá, phân hạng sản phẩm OCOP.",
                    "Phát hiện các lỗi hồ sơ thường gặp và hướng dẫn chủ thể khắc phục.",
                    "Theo dõi sản phẩm đã công nhận và nhắc đánh giá lại trước khi hết hiệu lực 36 tháng.",
                    "Lập báo cáo định kỳ cho tỉnh và tiếp nhận nhiệm vụ sau khi sắp xếp bộ máy từ ngày 1/7/2025.",
                ],
                "audience": (
                    "Cán bộ cấp xã được giao theo dõi Chương trình OCOP; cán bộ cấp tỉnh tổng hợp, báo cáo và "
                    "hướng dẫn nghiệp vụ."
                ),
                "duration_hours": 8,
                "access": "enrolled",
                "lessons": [
                    {
                        "title": "Kiểm tra đầu vào",
                        "slug": "kiem-tra-dau-vao",
                        "minutes": 10,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Bài kiểm tra đầu vào gồm bốn câu hỏi về hồ sơ sản phẩm, thời hạn công "
                                    "nhận và tổ chức bộ máy địa phương. Hãy trả lời theo hiểu biết hiện tại, "
                                    "không tra cứu tài liệu. Kết quả sẽ được so sánh với bài kiểm tra cuối "
                                    "khoá.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "pre_test",
                            "questions": [
                                {
                                    "kind": "multiple",
                                    "prompt": (
                                        "Những tài liệu nào thường có trong hồ sơ đề nghị đánh giá, phân hạng "
                                        "sản phẩm OCOP?"
                                    ),
                                    "options": [
                                        (
                                            "Phiếu đăng ký sản phẩm",
                                            True,
                                        ),
                                        (
                                            "Phương án hoặc kế hoạch kinh doanh",
                                            True,
                                        ),
                                        (
                                            "Phiếu kết quả kiểm nghiệm sản phẩm",
                                            True,
                                        ),
                                        (
                                            "Bản sao giấy tờ tuỳ thân của tất cả thành viên hợp tác xã",
                                            False,
                                        ),
                                        (
                                            "Giấy xác nhận của xã rằng sản phẩm chắc chắn đạt 3 sao",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Hồ sơ gồm phiếu đăng ký, giấy tờ pháp lý của chủ thể, phương án kinh "
                                        "doanh, tiêu chuẩn và công bố sản phẩm, phiếu kiểm nghiệm, giấy tờ an "
                                        "toàn thực phẩm, nhãn và bằng chứng cho từng tiêu chí. Không có loại "
                                        "giấy xác nhận trước kết quả."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Kết quả công nhận sản phẩm OCOP có hiệu lực trong bao lâu?",
                                    "options": [
                                        (
                                            "36 tháng",
                                            True,
                                        ),
                                        (
                                            "12 tháng",
                                            False,
                                        ),
                                        (
                                            "24 tháng",
                                            False,
                                        ),
                                        (
                                            "Không thời hạn",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Giấy chứng nhận có hiệu lực 36 tháng; hết hạn, chủ thể phải đề nghị "
                                        "đánh giá lại nếu muốn tiếp tục sử dụng hạng sao."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Từ ngày 1/7/2025, chính quyền địa phương được tổ chức như thế nào?",
                                    "options": [
                                        (
                                            "Hai cấp: cấp tỉnh và cấp xã",
                                            True,
                                        ),
                                        (
                                            "Ba cấp: tỉnh, huyện, xã như trước",
                                            False,
                                        ),
                                        (
                                            "Hai cấp: cấp tỉnh và cấp huyện",
                                            False,
                                        ),
                                        (
                                            "Một cấp: chỉ còn cấp tỉnh",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Từ ngày 1/7/2025, cấp huyện không còn; nhiệm vụ của cấp huyện được "
                                        "chuyển cho cấp xã hoặc cấp tỉnh."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Trường hợp nào là lỗi hồ sơ dễ khiến sản phẩm bị trả lại hoặc mất điểm?",
                                    "options": [
                                        (
                                            (
                                                "Phiếu kiểm nghiệm mang tên một sản phẩm khác với sản phẩm đăng "
                                                "ký đánh giá"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Hồ sơ có mục lục và đánh số trang theo thứ tự tiêu chí",
                                            False,
                                        ),
                                        (
                                            "Hồ sơ kèm ảnh chụp thực tế cơ sở sản xuất",
                                            False,
                                        ),
                                        (
                                            "Hợp đồng liên kết có chữ ký của cả hai bên và hoá đơn mua nguyên liệu",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Phiếu kiểm nghiệm phải đúng sản phẩm đăng ký. Mục lục, ảnh thực tế và "
                                        "hợp đồng có chữ ký là những điểm làm hồ sơ tốt hơn."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Bộ hồ sơ sản phẩm OCOP và các lỗi thường gặp",
                        "slug": "bo-ho-so-loi-thuong-gap",
                        "minutes": 30,
                        "body": [
                            (
                                "heading",
                                "Hồ sơ để làm gì",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Hồ sơ là bằng chứng để Hội đồng chấm điểm. Một sản phẩm ngon nhưng hồ "
                                    "sơ thiếu sẽ mất điểm ở nhiều tiêu chí. Nhiệm vụ của cán bộ triển khai là "
                                    "giúp chủ thể hiểu từng giấy tờ dùng để làm gì, chứ không làm thay chủ thể. "
                                    "Thành phần cụ thể và biểu mẫu thực hiện theo bộ tiêu chí hiện hành và "
                                    "hướng dẫn của tỉnh; dưới đây là các nhóm tài liệu chính.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Các thành phần chính",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul><li><b>Phiếu đăng ký sản phẩm</b> theo mẫu, ghi đúng tên chủ thể như "
                                    "trong giấy đăng ký kinh doanh.</li><li><b>Giấy tờ pháp lý của chủ thể:</b> "
                                    "giấy chứng nhận đăng ký doanh nghiệp, đăng ký hợp tác xã hoặc đăng ký hộ "
                                    "kinh doanh.</li><li><b>Phương án hoặc kế hoạch kinh doanh:</b> thị trường, "
                                    "sản lượng, chi phí, giá bán, kênh phân phối, kế hoạch phát triển sản "
                                    "phẩm.</li><li><b>Tiêu chuẩn sản phẩm:</b> tiêu chuẩn cơ sở hoặc tiêu chuẩn "
                                    "áp dụng; hồ sơ tự công bố hoặc đăng ký bản công bố sản phẩm theo quy "
                                    "định.</li><li><b>Phiếu kết quả kiểm nghiệm</b> đúng sản phẩm, với các chỉ "
                                    "tiêu phù hợp tiêu chuẩn đã công bố.</li><li><b>Giấy tờ về an toàn thực "
                                    "phẩm:</b> giấy chứng nhận cơ sở đủ điều kiện, hoặc bản cam kết đối với cơ "
                                    "sở thuộc diện không phải cấp giấy; chứng nhận HACCP, ISO 22000 nếu "
                                    "có.</li><li><b>Nhãn và bao bì</b> đang sử dụng, kèm mẫu sản "
                                    "phẩm.</li><li><b>Bằng chứng cho từng tiêu chí:</b> hợp đồng liên kết, hoá "
                                    "đơn mua nguyên liệu, danh sách lao động, sổ kế toán, tài liệu quảng bá, "
                                    "câu chuyện sản phẩm, văn bằng sở hữu trí tuệ, ảnh hoạt động.</li></ul>"
                                ),
                            ),
                            (
                                "heading",
                                "Các lỗi thường gặp",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ol><li><b>Tên không thống nhất:</b> tên sản phẩm trên nhãn, phiếu đăng ký "
                                    "và phiếu kiểm nghiệm khác nhau.</li><li><b>Kiểm nghiệm sai hoặc thiếu:</b> "
                                    "gửi mẫu của sản phẩm khác, thiếu chỉ tiêu an toàn bắt buộc, hoặc kết quả "
                                    "đã quá cũ so với yêu cầu.</li><li><b>Nhãn thiếu nội dung bắt buộc:</b> "
                                    "thiếu xuất xứ, hạn sử dụng, tên và địa chỉ tổ chức chịu trách "
                                    "nhiệm.</li><li><b>Giấy tờ hết hiệu lực:</b> giấy chứng nhận an toàn thực "
                                    "phẩm hoặc hợp đồng liên kết đã hết hạn.</li><li><b>Bằng chứng chỉ có trên "
                                    "giấy:</b> hợp đồng liên kết không có giao dịch thực, danh sách lao động "
                                    "không khớp thực tế.</li><li><b>Phương án sao chép:</b> dùng lại phương án "
                                    "của chủ thể khác, số liệu không phù hợp quy mô.</li></ol>"
                                ),
                            ),
                            (
                                "heading",
                                "Rà soát nhanh trước khi nộp",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Cán bộ nên cùng chủ thể rà soát theo ba câu hỏi: <i>Đủ chưa?</i> (đối "
                                    "chiếu danh mục tài liệu), <i>Đúng chưa?</i> (tên, số liệu, thời hạn khớp "
                                    "nhau), <i>Thật chưa?</i> (mỗi bằng chứng kiểm tra được tại cơ sở). Đánh số "
                                    "trang và lập mục lục theo thứ tự tiêu chí giúp Tổ tư vấn và Hội đồng làm "
                                    "việc thuận lợi, đồng thời giúp chủ thể tự thấy chỗ còn thiếu.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "Lập cho mỗi sản phẩm một tờ đối chiếu ba cột: nhãn, tiêu chuẩn đã công "
                                        "bố, phiếu kiểm nghiệm. Tên sản phẩm, thành phần và các chỉ tiêu phải "
                                        "khớp nhau trên cả ba cột trước khi nộp hồ sơ."
                                    ),
                                },
                            ),
                        ],
                        "quiz": {
                            "role": None,
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Hợp tác xã nộp phiếu kiểm nghiệm của “Mật ong hoa nhãn” cho sản phẩm "
                                        "đăng ký là “Mật ong hoa rừng”. Đây là lỗi gì?"
                                    ),
                                    "options": [
                                        (
                                            "Kiểm nghiệm không đúng sản phẩm đăng ký",
                                            True,
                                        ),
                                        (
                                            "Nhãn thiếu thông tin xuất xứ",
                                            False,
                                        ),
                                        (
                                            "Không phải lỗi vì cùng là mật ong",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Phiếu kiểm nghiệm phải đúng sản phẩm được đăng ký đánh giá; hai loại "
                                        "mật ong khác nhau về nguồn hoa và chỉ tiêu chất lượng."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Ba câu hỏi rà soát hồ sơ trước khi nộp là gì?",
                                    "options": [
                                        (
                                            "Đủ chưa: đối chiếu danh mục tài liệu",
                                            True,
                                        ),
                                        (
                                            "Đúng chưa: tên, số liệu, thời hạn khớp nhau",
                                            True,
                                        ),
                                        (
                                            "Thật chưa: bằng chứng kiểm tra được tại cơ sở",
                                            True,
                                        ),
                                        (
                                            "Dày chưa: hồ sơ càng nhiều trang càng được điểm cao",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Hồ sơ tốt là hồ sơ đủ, đúng và thật; số trang không quyết định điểm."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Theo dõi sản phẩm sau công nhận và báo cáo trong bộ máy mới",
                        "slug": "theo-doi-bao-cao",
                        "minutes": 30,
                        "body": [
                            (
                                "heading",
                                "Công nhận không phải là đích đến",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Sau khi có quyết định công nhận, chủ thể được sử dụng hạng sao và biểu "
                                    "trưng OCOP cho <b>đúng sản phẩm</b> được công nhận, trong thời hạn <b>36 "
                                    "tháng</b>. Cán bộ triển khai theo dõi để bảo đảm sản phẩm duy trì chất "
                                    "lượng như khi được đánh giá, đồng thời hỗ trợ chủ thể cải tiến và nâng "
                                    "hạng.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Nội dung cần theo dõi",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul><li><b>Chất lượng và an toàn:</b> chủ thể duy trì kiểm nghiệm định kỳ, "
                                    "điều kiện sản xuất, giấy tờ còn hiệu lực.</li><li><b>Sử dụng biểu "
                                    "trưng:</b> không dán sao OCOP lên sản phẩm chưa được công nhận, không ghi "
                                    "hạng cao hơn hạng được công nhận.</li><li><b>Thay đổi quan trọng:</b> đổi "
                                    "công thức, nguyên liệu, nhãn, địa điểm sản xuất hoặc tên chủ thể cần được "
                                    "báo cáo và xin hướng dẫn.</li><li><b>Hiệu quả:</b> sản lượng, doanh thu, "
                                    "lao động, thu nhập của thành viên, kênh tiêu thụ mới.</li><li><b>Phản "
                                    "ánh</b> của người tiêu dùng và kết quả kiểm tra của cơ quan chức "
                                    "năng.</li></ul><p>Nếu sản phẩm vi phạm nghiêm trọng hoặc không còn đáp ứng "
                                    "yêu cầu, cấp có thẩm quyền có thể xem xét thu hồi kết quả công nhận theo "
                                    "quy định.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Đánh giá lại khi hết hiệu lực",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Trước khi hết thời hạn 36 tháng, chủ thể muốn tiếp tục sử dụng hạng sao "
                                    "phải chuẩn bị hồ sơ đề nghị đánh giá lại: cập nhật kết quả kiểm nghiệm, "
                                    "giấy tờ pháp lý, số liệu kinh doanh và các cải tiến đã thực hiện. Đây cũng "
                                    "là dịp để đề nghị nâng hạng nếu sản phẩm đã được cải tiến. Cán bộ lập danh "
                                    "sách sản phẩm sắp hết hiệu lực ngay từ đầu năm và nhắc chủ thể sớm. Sản "
                                    "phẩm đã hết hiệu lực mà chưa được đánh giá lại thì không được tiếp tục sử "
                                    "dụng hạng sao trên bao bì.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Báo cáo cho tỉnh",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Cán bộ xã tổng hợp và gửi báo cáo theo định kỳ và mẫu do tỉnh yêu cầu. "
                                    "Nội dung thường gồm: số ý tưởng đăng ký, số phương án, số sản phẩm được "
                                    "đánh giá và hạng sao; sản phẩm sắp hết hiệu lực; tình hình sản xuất, tiêu "
                                    "thụ; hỗ trợ đã thực hiện; khó khăn và kiến nghị. Số liệu phải khớp với sổ "
                                    "theo dõi và quyết định công nhận. Nếu tỉnh có cơ sở dữ liệu hoặc phần mềm "
                                    "quản lý OCOP, cần cập nhật ngay sau mỗi đợt đánh giá.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Tổ chức lại bộ máy từ ngày 1/7/2025",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Từ ngày 1/7/2025, chính quyền địa phương được tổ chức theo mô hình hai "
                                    "cấp: cấp tỉnh và cấp xã; cấp huyện không còn. Cùng với việc sắp xếp lại "
                                    "đơn vị hành chính cấp tỉnh, nhiều xã mới được hình thành trên cơ sở hợp "
                                    "nhất các xã cũ. Đối với OCOP, điều này có nghĩa là:</p><ul><li>Các nhiệm "
                                    "vụ của cấp huyện trước đây như tiếp nhận hồ sơ, hỗ trợ chủ thể, theo dõi "
                                    "sản phẩm được chuyển về cấp xã hoặc cấp tỉnh theo phân công của "
                                    "tỉnh;</li><li>Cán bộ xã cần tiếp nhận đầy đủ hồ sơ, danh sách chủ thể và "
                                    "sản phẩm của các xã cũ và của huyện cũ trên địa bàn;</li><li>Sản phẩm đã "
                                    "được công nhận trước khi sắp xếp tiếp tục được theo dõi đến hết thời hạn "
                                    "theo hướng dẫn của tỉnh; địa chỉ hành chính mới của chủ thể được cập nhật "
                                    "vào hồ sơ và khi in lại nhãn.</li></ul>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "text": (
                                        "Khi xã mới được hình thành từ nhiều xã cũ, rất dễ bỏ sót sản phẩm: "
                                        "không ai theo dõi, hết hiệu lực mà không được nhắc. Hãy lập ngay danh "
                                        "sách đầy đủ và đối chiếu với danh sách của tỉnh."
                                    ),
                                },
                            ),
                        ],
                        "quiz": None,
                    },
                    {
                        "title": "Kiểm tra cuối khoá",
                        "slug": "kiem-tra-cuoi-khoa",
                        "minutes": 15,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Khoá học đã hướng dẫn các thành phần của hồ sơ sản phẩm OCOP, những lỗi "
                                    "thường gặp và cách rà soát “đủ – đúng – thật”; việc theo dõi sản phẩm "
                                    "trong thời hạn 36 tháng, đánh giá lại, báo cáo cho tỉnh và những thay đổi "
                                    "khi chính quyền địa phương hai cấp vận hành từ ngày 1/7/2025. Bài kiểm tra "
                                    "dưới đây đo mức tiến bộ so với đầu khoá.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "final_test",
                            "questions": [
                                {
                                    "kind": "multiple",
                                    "prompt": (
                                        "Những tài liệu nào thường có trong hồ sơ đề nghị đánh giá, phân hạng "
                                        "sản phẩm OCOP?"
                                    ),
                                    "options": [
                                        (
                                            "Phiếu đăng ký sản phẩm",
                                            True,
                                        ),
                                        (
                                            "Phương án hoặc kế hoạch kinh doanh",
                                            True,
                                        ),
                                        (
                                            "Phiếu kết quả kiểm nghiệm sản phẩm",
                                            True,
                                        ),
                                        (
                                            "Bản sao giấy tờ tuỳ thân của tất cả thành viên hợp tác xã",
                                            False,
                                        ),
                                        (
                                            "Giấy xác nhận của xã rằng sản phẩm chắc chắn đạt 3 sao",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Hồ sơ gồm phiếu đăng ký, giấy tờ pháp lý của chủ thể, phương án kinh "
                                        "doanh, tiêu chuẩn và công bố sản phẩm, phiếu kiểm nghiệm, giấy tờ an "
                                        "toàn thực phẩm, nhãn và bằng chứng cho từng tiêu chí. Không có loại "
                                        "giấy xác nhận trước kết quả."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Kết quả công nhận sản phẩm OCOP có hiệu lực trong bao lâu?",
                                    "options": [
                                        (
                                            "36 tháng",
                                            True,
                                        ),
                                        (
                                            "12 tháng",
                                            False,
                                        ),
                                        (
                                            "24 tháng",
                                            False,
                                        ),
                                        (
                                            "Không thời hạn",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Giấy chứng nhận có hiệu lực 36 tháng; hết hạn, chủ thể phải đề nghị "
                                        "đánh giá lại nếu muốn tiếp tục sử dụng hạng sao."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Từ ngày 1/7/2025, chính quyền địa phương được tổ chức như thế nào?",
                                    "options": [
                                        (
                                            "Hai cấp: cấp tỉnh và cấp xã",
                                            True,
                                        ),
                                        (
                                            "Ba cấp: tỉnh, huyện, xã như trước",
                                            False,
                                        ),
                                        (
                                            "Hai cấp: cấp tỉnh và cấp huyện",
                                            False,
                                        ),
                                        (
                                            "Một cấp: chỉ còn cấp tỉnh",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Từ ngày 1/7/2025, cấp huyện không còn; nhiệm vụ của cấp huyện được "
                                        "chuyển cho cấp xã hoặc cấp tỉnh."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Thông tin nào phải khớp nhau khi rà soát hồ sơ chất lượng của một sản phẩm?"
                                    ),
                                    "options": [
                                        (
                                            (
                                                "Tên sản phẩm và chỉ tiêu trên nhãn, tiêu chuẩn đã công bố và "
                                                "phiếu kiểm nghiệm"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Màu sắc bao bì và màu biểu trưng của xã",
                                            False,
                                        ),
                                        (
                                            "Giá bán lẻ và giá của sản phẩm cùng loại ở tỉnh khác",
                                            False,
                                        ),
                                        (
                                            "Số trang của phương án kinh doanh và số thành viên hợp tác xã",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Nhãn, tiêu chuẩn công bố và phiếu kiểm nghiệm là ba nguồn mà Hội đồng "
                                        "đối chiếu để chấm phần chất lượng; không khớp là lỗi phổ biến nhất."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": (
                                        "Sau khi sản phẩm được công nhận, cán bộ triển khai cần theo dõi những "
                                        "nội dung nào?"
                                    ),
                                    "options": [
                                        (
                                            (
                                                "Biểu trưng OCOP chỉ được dùng cho đúng sản phẩm và đúng hạng "
                                                "được công nhận"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Thay đổi công thức, nhãn hoặc địa điểm sản xuất của chủ thể",
                                            True,
                                        ),
                                        (
                                            "Việc duy trì kiểm nghiệm và giấy tờ an toàn thực phẩm còn hiệu lực",
                                            True,
                                        ),
                                        (
                                            "Giá bán của chủ thể phải được xã phê duyệt trước khi thay đổi",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Theo dõi nhằm bảo đảm sản phẩm giữ chất lượng và dùng biểu trưng đúng; "
                                        "giá bán do chủ thể tự quyết định."
                                    ),
                                },
                            ],
                        },
                    },
                ],
            },
        ],
    },
    {
        "code": "producers",
        "title": "Chủ thể OCOP: hợp tác xã, doanh nghiệp, hộ kinh doanh",
        "slug": "chu-the-ocop",
        "description": (
            "<p>Dành cho <b>giám đốc, người quản lý</b> hợp tác xã, doanh nghiệp nhỏ, hộ kinh doanh và trang "
            "trại đang có hoặc muốn có sản phẩm OCOP.</p><ul><li>Chuẩn hoá sản phẩm: tiêu chuẩn, công bố, an "
            "toàn thực phẩm, nhãn và truy xuất nguồn gốc.</li><li>Kinh doanh bền vững: phương án kinh doanh, "
            "câu chuyện sản phẩm, kênh bán hàng và chuẩn bị đánh giá.</li></ul>"
        ),
        "courses": [
            {
                "code": "OCOP-CT-01",
                "slug": "tieu-chuan-nhan-truy-xuat",
                "title": "Tiêu chuẩn sản phẩm, nhãn hàng hoá và truy xuất nguồn gốc",
                "summary": (
                    "Cách xây dựng tiêu chuẩn cơ sở, công bố sản phẩm, đáp ứng điều kiện an toàn thực phẩm, ghi "
                    "nhãn đúng quy định và dùng mã QR truy xuất nguồn gốc có ý nghĩa."
                ),
                "objectives": [
                    (
                        "Xây dựng được khung tiêu chuẩn cơ sở cho sản phẩm của mình và hiểu khi nào phải tự "
                        "công bố hay đăng ký bản công bố."
                    ),
                    "Xác định giấy tờ an toàn thực phẩm mà cơ sở cần có hoặc được miễn.",
                    (
                        "Kiểm tra nhãn sản phẩm theo các nội dung bắt buộc của Nghị định 43/2017/NĐ-CP và Nghị "
                        "định 111/2021/NĐ-CP."
                    ),
                    "Thiết kế nội dung trang truy xuất nguồn gốc mà mã QR trên bao bì dẫn tới.",
                ],
                "audience": (
                    "Giám đốc, cán bộ kỹ thuật của hợp tác xã, doanh nghiệp nhỏ, hộ kinh doanh có sản phẩm thực "
                    "phẩm, đồ uống, thảo dược hoặc hàng thủ công."
                ),
                "duration_hours": 8,
                "access": "open",
                "lessons": [
                    {
                        "title": "Kiểm tra đầu vào",
                        "slug": "kiem-tra-dau-vao",
                        "minutes": 10,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Bài kiểm tra đầu vào gồm bốn câu hỏi về tiêu chuẩn sản phẩm, nhãn hàng "
                                    "hoá và truy xuất nguồn gốc. Hãy trả lời theo những gì hợp tác xã hoặc cơ "
                                    "sở của bạn đang làm, không cần tra cứu. Cuối khoá, bạn sẽ làm lại các câu "
                                    "hỏi tương tự để thấy mình đã tiến bộ thế nào.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "pre_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": "Tiêu chuẩn cơ sở (TCCS) là gì?",
                                    "options": [
                                        (
                                            (
                                                "Tiêu chuẩn do chính cơ sở xây dựng, công bố để áp dụng cho sản "
                                                "phẩm của mình"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Quy chuẩn kỹ thuật quốc gia do bộ quản lý ngành ban hành",
                                            False,
                                        ),
                                        (
                                            "Giấy chứng nhận đăng ký kinh doanh của hợp tác xã",
                                            False,
                                        ),
                                        (
                                            "Giấy chứng nhận sản phẩm OCOP",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Tiêu chuẩn cơ sở do chủ thể tự xây dựng và công bố áp dụng; mức yêu "
                                        "cầu an toàn không được thấp hơn quy chuẩn kỹ thuật quốc gia tương ứng."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Nội dung nào bắt buộc phải có trên nhãn thực phẩm bao gói sẵn?",
                                    "options": [
                                        (
                                            "Tên hàng hoá",
                                            True,
                                        ),
                                        (
                                            "Tên và địa chỉ của tổ chức, cá nhân chịu trách nhiệm về hàng hoá",
                                            True,
                                        ),
                                        (
                                            "Xuất xứ hàng hoá",
                                            True,
                                        ),
                                        (
                                            "Hạn sử dụng",
                                            True,
                                        ),
                                        (
                                            "Hạng sao OCOP mà sản phẩm dự kiến đạt",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Tên hàng hoá, tên và địa chỉ tổ chức, cá nhân chịu trách nhiệm, xuất "
                                        "xứ là ba nội dung bắt buộc với mọi hàng hoá; thực phẩm còn phải có "
                                        "định lượng, ngày sản xuất, hạn sử dụng, thành phần, cảnh báo, hướng "
                                        "dẫn sử dụng và bảo quản. Hạng sao chỉ được ghi sau khi có quyết định "
                                        "công nhận."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Văn bản nào quy định về nhãn hàng hoá hiện hành?",
                                    "options": [
                                        (
                                            (
                                                "Nghị định 43/2017/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định "
                                                "111/2021/NĐ-CP"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Nghị định 15/2018/NĐ-CP về an toàn thực phẩm",
                                            False,
                                        ),
                                        (
                                            "Quyết định 148/QĐ-TTg về bộ tiêu chí OCOP",
                                            False,
                                        ),
                                        (
                                            "Quyết định 919/QĐ-TTg phê duyệt Chương trình OCOP",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Nghị định 43/2017/NĐ-CP quy định về nhãn hàng hoá và được sửa đổi, bổ "
                                        "sung bởi Nghị định 111/2021/NĐ-CP. Nghị định 15/2018/NĐ-CP hướng dẫn "
                                        "Luật An toàn thực phẩm."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Mã QR truy xuất nguồn gốc trên bao bì nên dẫn người mua đến đâu?",
                                    "options": [
                                        (
                                            (
                                                "Trang thông tin cho biết chủ thể, lô và ngày sản xuất, vùng "
                                                "nguyên liệu, tiêu chuẩn và kết quả kiểm nghiệm"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Trang mạng xã hội bán hàng của chủ thể",
                                            False,
                                        ),
                                        (
                                            "Hình ảnh biểu trưng của hợp tác xã",
                                            False,
                                        ),
                                        (
                                            "Số điện thoại của giám đốc",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Truy xuất nguồn gốc nghĩa là người mua biết được sản phẩm từ đâu, lô "
                                        "nào, sản xuất khi nào và đạt tiêu chuẩn gì; một trang bán hàng không "
                                        "đáp ứng yêu cầu này."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Tiêu chuẩn cơ sở, công bố sản phẩm và an toàn thực phẩm",
                        "slug": "tieu-chuan-co-so-cong-bo",
                        "minutes": 30,
                        "body": [
                            (
                                "heading",
                                "Tiêu chuẩn cơ sở là gì",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Tiêu chuẩn cơ sở (TCCS) là văn bản do chính chủ thể xây dựng và công bố "
                                    "để áp dụng cho sản phẩm của mình. Nó trả lời câu hỏi: sản phẩm của hợp tác "
                                    "xã hay doanh nghiệp phải như thế nào mỗi khi xuất bán. Yêu cầu trong tiêu "
                                    "chuẩn cơ sở không được thấp hơn quy chuẩn kỹ thuật quốc gia (QCVN) áp dụng "
                                    "cho sản phẩm; nếu đã có tiêu chuẩn quốc gia (TCVN) phù hợp, chủ thể có thể "
                                    "công bố áp dụng TCVN thay vì tự xây dựng.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Nội dung thường có của một tiêu chuẩn cơ sở",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul><li>Phạm vi áp dụng, tên sản phẩm, nguyên liệu và thành "
                                    "phần;</li><li>Chỉ tiêu cảm quan: màu sắc, mùi, vị, trạng thái;</li><li>Chỉ "
                                    "tiêu lý hoá và dinh dưỡng chính, ví dụ độ ẩm, hàm lượng đường, độ "
                                    "cồn;</li><li>Chỉ tiêu an toàn: vi sinh vật, kim loại nặng, dư lượng thuốc "
                                    "bảo vệ thực vật… theo quy chuẩn tương ứng;</li><li>Quy cách bao gói, ghi "
                                    "nhãn, bảo quản, vận chuyển, hạn sử dụng;</li><li>Phương pháp thử cho từng "
                                    "chỉ tiêu.</li></ul><p>Mức chỉ tiêu cần dựa trên kết quả kiểm nghiệm thực "
                                    "tế của nhiều mẻ sản xuất, không chép nguyên văn tiêu chuẩn của cơ sở khác. "
                                    "Sau khi công bố, chủ thể phải sản xuất đúng như đã công bố và lưu hồ sơ để "
                                    "xuất trình khi được kiểm tra.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Kiểm nghiệm và công bố sản phẩm",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Mẫu sản phẩm được gửi kiểm nghiệm tại phòng thử nghiệm được công nhận "
                                    "hoặc được chỉ định theo quy định. Với thực phẩm, theo Nghị định "
                                    "15/2018/NĐ-CP:</p><ul><li>Phần lớn sản phẩm thực hiện <b>tự công bố</b>: "
                                    "chủ thể lập bản tự công bố kèm phiếu kết quả kiểm nghiệm còn thời hạn, "
                                    "công khai và nộp cho cơ quan quản lý theo quy định, sau đó được sản xuất, "
                                    "kinh doanh.</li><li>Một số nhóm như thực phẩm bảo vệ sức khoẻ, thực phẩm "
                                    "dinh dưỡng y học phải <b>đăng ký bản công bố</b> với cơ quan nhà nước có "
                                    "thẩm quyền trước khi lưu hành.</li></ul><p>Sản phẩm không phải thực phẩm "
                                    "như đồ thủ công mỹ nghệ, hàng dệt may cũng nên có tiêu chuẩn và kết quả "
                                    "thử nghiệm các chỉ tiêu an toàn, chất lượng chính để chứng minh với khách "
                                    "hàng và Hội đồng.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Giấy chứng nhận an toàn thực phẩm",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Cơ sở sản xuất thực phẩm phải có <b>Giấy chứng nhận cơ sở đủ điều kiện "
                                    "an toàn thực phẩm</b>, trừ một số trường hợp được miễn như cơ sở sản xuất "
                                    "ban đầu nhỏ lẻ, hoặc cơ sở đã có chứng nhận hệ thống quản lý như HACCP, "
                                    "ISO 22000 còn hiệu lực. Cơ sở được miễn vẫn phải bảo đảm điều kiện an toàn "
                                    "thực phẩm, và với một số loại hình phải ký bản cam kết với cơ quan quản "
                                    "lý. Giấy chứng nhận phải đúng tên chủ thể, đúng địa điểm và loại hình sản "
                                    "xuất.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Gắn tiêu chuẩn với điểm OCOP",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Trong bộ tiêu chí OCOP, Phần C – Chất lượng sản phẩm (35 điểm) chấm "
                                    "trực tiếp các nội dung này: có tiêu chuẩn và công bố chưa, kết quả kiểm "
                                    "nghiệm có đạt không, điều kiện an toàn thực phẩm ra sao. Đầu tư đúng cho "
                                    "tiêu chuẩn là cách chắc chắn để có điểm, đồng thời giúp sản phẩm đủ điều "
                                    "kiện vào siêu thị và sàn thương mại điện tử.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "text": (
                                        "Phiếu kiểm nghiệm phải là của chính sản phẩm đăng ký đánh giá, đúng "
                                        "tên và quy cách. Dùng phiếu của sản phẩm khác hoặc sửa chữa phiếu là "
                                        "vi phạm, có thể khiến sản phẩm bị loại khỏi đợt đánh giá và bị xử lý "
                                        "theo quy định."
                                    ),
                                },
                            ),
                        ],
                        "quiz": {
                            "role": None,
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Yêu cầu an toàn trong tiêu chuẩn cơ sở so với quy chuẩn kỹ thuật quốc "
                                        "gia phải như thế nào?"
                                    ),
                                    "options": [
                                        (
                                            "Ít nhất phải đáp ứng mức yêu cầu của quy chuẩn kỹ thuật quốc gia",
                                            True,
                                        ),
                                        (
                                            "Được nới lỏng nếu là hộ sản xuất nhỏ",
                                            False,
                                        ),
                                        (
                                            "Do chủ thể tự quyết định, không cần xét quy chuẩn",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Tiêu chuẩn cơ sở không được thấp hơn quy chuẩn kỹ thuật quốc gia áp "
                                        "dụng cho sản phẩm."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": (
                                        "Nhóm sản phẩm nào phải đăng ký bản công bố với cơ quan nhà nước trước "
                                        "khi lưu hành?"
                                    ),
                                    "options": [
                                        (
                                            "Thực phẩm bảo vệ sức khoẻ",
                                            True,
                                        ),
                                        (
                                            "Thực phẩm dinh dưỡng y học",
                                            True,
                                        ),
                                        (
                                            "Mứt gừng đóng hộp",
                                            False,
                                        ),
                                        (
                                            "Bánh đa nem đóng gói",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Thực phẩm bảo vệ sức khoẻ và thực phẩm dinh dưỡng y học thuộc diện "
                                        "đăng ký bản công bố; các thực phẩm thông thường như mứt gừng, bánh đa "
                                        "nem thực hiện tự công bố."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Nhãn hàng hoá, bao bì và mã QR truy xuất nguồn gốc",
                        "slug": "nhan-bao-bi-truy-xuat",
                        "minutes": 30,
                        "body": [
                            (
                                "heading",
                                "Căn cứ pháp lý về nhãn",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Nhãn hàng hoá lưu thông tại Việt Nam thực hiện theo <b>Nghị định "
                                    "43/2017/NĐ-CP</b>, được sửa đổi, bổ sung bởi <b>Nghị định "
                                    "111/2021/NĐ-CP</b>. Nhãn phải trung thực, rõ ràng, chính xác, phản ánh "
                                    "đúng bản chất hàng hoá. Nội dung bắt buộc thể hiện bằng tiếng Việt; nếu "
                                    "ghi thêm tiếng nước ngoài thì cỡ chữ không được lớn hơn phần tiếng Việt. "
                                    "Nhãn gắn trên hàng hoá hoặc bao bì thương phẩm, ở vị trí dễ quan sát, "
                                    "không bị che khuất.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Nội dung bắt buộc trên nhãn",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Mọi hàng hoá phải có ba nội dung: <b>tên hàng hoá</b>; <b>tên và địa "
                                    "chỉ của tổ chức, cá nhân chịu trách nhiệm về hàng hoá</b>; <b>xuất xứ hàng "
                                    "hoá</b>. Tuỳ loại hàng hoá, nhãn còn phải có thêm các nội dung theo phụ "
                                    "lục của Nghị định. Với thực phẩm bao gói sẵn, cần có:</p><ul><li>Định "
                                    "lượng (khối lượng tịnh hoặc thể tích thực);</li><li>Ngày sản xuất và hạn "
                                    "sử dụng;</li><li>Thành phần hoặc thành phần định lượng, kể cả phụ gia nếu "
                                    "có;</li><li>Thông tin, cảnh báo, ví dụ chất có thể gây dị ứng, đối tượng "
                                    "không nên dùng;</li><li>Hướng dẫn sử dụng và hướng dẫn bảo "
                                    "quản.</li></ul><p>Nghị định 111/2021/NĐ-CP làm rõ thêm nhiều điểm, trong "
                                    "đó có cách ghi xuất xứ, ví dụ “Sản xuất tại Việt Nam” hoặc “Xuất xứ Việt "
                                    "Nam”. Hàng thủ công mỹ nghệ, dệt may, đồ gỗ có yêu cầu riêng về thành "
                                    "phần, thông số kỹ thuật và hướng dẫn sử dụng.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Bao bì: bảo vệ, thông tin và thuyết phục",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul><li><b>An toàn:</b> vật liệu tiếp xúc trực tiếp với thực phẩm phải phù "
                                    "hợp quy chuẩn; không dùng lại chai, lọ, túi không rõ nguồn "
                                    "gốc.</li><li><b>Bảo vệ sản phẩm:</b> giữ chất lượng trong suốt hạn sử "
                                    "dụng, chịu được vận chuyển, nhất là khi bán qua mạng.</li><li><b>Phù hợp "
                                    "thị trường:</b> gói nhỏ dùng thử, hộp quà dịp Tết, quy cách lớn cho nhà "
                                    "hàng.</li><li><b>Thẩm mỹ và bản sắc:</b> màu sắc, hoạ tiết gợi vùng miền; "
                                    "nhất quán giữa các sản phẩm của cùng chủ thể.</li><li><b>Thân thiện môi "
                                    "trường:</b> hạn chế nhựa dùng một lần, ưu tiên vật liệu tái chế hoặc vật "
                                    "liệu địa phương.</li></ul>"
                                ),
                            ),
                            (
                                "heading",
                                "Mã QR truy xuất nguồn gốc",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Mã QR chỉ có giá trị khi dẫn đến thông tin giúp người mua tin tưởng sản "
                                    "phẩm. Một trang truy xuất tốt nên cho biết:</p><ul><li>Tên chủ thể (hợp "
                                    "tác xã, doanh nghiệp, hộ kinh doanh), địa chỉ, mã số đăng ký kinh doanh, "
                                    "thông tin liên hệ;</li><li>Tên sản phẩm, quy cách, <b>mã lô, ngày sản "
                                    "xuất, hạn sử dụng</b> của chính lô hàng;</li><li>Vùng nguyên liệu, hộ liên "
                                    "kết, các công đoạn chính của quy trình sản xuất;</li><li>Tiêu chuẩn công "
                                    "bố, kết quả kiểm nghiệm và các chứng nhận như an toàn thực phẩm, VietGAP, "
                                    "hữu cơ, OCOP nếu có.</li></ul><p>Tránh mã QR chỉ dẫn về trang mạng xã hội "
                                    "bán hàng, hoặc một trang giống hệt nhau cho mọi lô. Nên chọn hệ thống truy "
                                    "xuất được cơ quan quản lý khuyến nghị hoặc kết nối được với cổng truy xuất "
                                    "của tỉnh, và phân công người cập nhật dữ liệu sau mỗi lô.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "note",
                                    "text": (
                                        "Chỉ in biểu trưng và số sao OCOP lên bao bì sau khi có quyết định công "
                                        "nhận, và chỉ cho đúng sản phẩm được công nhận. Khi kết quả công nhận "
                                        "hết hiệu lực mà chưa được đánh giá lại, phải ngừng sử dụng."
                                    ),
                                },
                            ),
                        ],
                        "quiz": None,
                    },
                    {
                        "title": "Kiểm tra cuối khoá",
                        "slug": "kiem-tra-cuoi-khoa",
                        "minutes": 15,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Khoá học đã hướng dẫn xây dựng và công bố tiêu chuẩn cơ sở, kiểm "
                                    "nghiệm, tự công bố sản phẩm, giấy chứng nhận an toàn thực phẩm; nội dung "
                                    "bắt buộc trên nhãn theo Nghị định 43/2017/NĐ-CP và Nghị định "
                                    "111/2021/NĐ-CP; yêu cầu với bao bì và mã QR truy xuất nguồn gốc. Bài kiểm "
                                    "tra dưới đây đo mức tiến bộ so với đầu khoá.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "final_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": "Tiêu chuẩn cơ sở (TCCS) là gì?",
                                    "options": [
                                        (
                                            (
                                                "Tiêu chuẩn do chính cơ sở xây dựng, công bố để áp dụng cho sản "
                                                "phẩm của mình"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Quy chuẩn kỹ thuật quốc gia do bộ quản lý ngành ban hành",
                                            False,
                                        ),
                                        (
                                            "Giấy chứng nhận đăng ký kinh doanh của hợp tác xã",
                                            False,
                                        ),
                                        (
                                            "Giấy chứng nhận sản phẩm OCOP",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Tiêu chuẩn cơ sở do chủ thể tự xây dựng và công bố áp dụng; mức yêu "
                                        "cầu an toàn không được thấp hơn quy chuẩn kỹ thuật quốc gia tương ứng."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Nội dung nào bắt buộc phải có trên nhãn thực phẩm bao gói sẵn?",
                                    "options": [
                                        (
                                            "Tên hàng hoá",
                                            True,
                                        ),
                                        (
                                            "Tên và địa chỉ của tổ chức, cá nhân chịu trách nhiệm về hàng hoá",
                                            True,
                                        ),
                                        (
                                            "Xuất xứ hàng hoá",
                                            True,
                                        ),
                                        (
                                            "Hạn sử dụng",
                                            True,
                                        ),
                                        (
                                            "Hạng sao OCOP mà sản phẩm dự kiến đạt",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Tên hàng hoá, tên và địa chỉ tổ chức, cá nhân chịu trách nhiệm, xuất "
                                        "xứ là ba nội dung bắt buộc với mọi hàng hoá; thực phẩm còn phải có "
                                        "định lượng, ngày sản xuất, hạn sử dụng, thành phần, cảnh báo, hướng "
                                        "dẫn sử dụng và bảo quản. Hạng sao chỉ được ghi sau khi có quyết định "
                                        "công nhận."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Văn bản nào quy định về nhãn hàng hoá hiện hành?",
                                    "options": [
                                        (
                                            (
                                                "Nghị định 43/2017/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định "
                                                "111/2021/NĐ-CP"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Nghị định 15/2018/NĐ-CP về an toàn thực phẩm",
                                            False,
                                        ),
                                        (
                                            "Quyết định 148/QĐ-TTg về bộ tiêu chí OCOP",
                                            False,
                                        ),
                                        (
                                            "Quyết định 919/QĐ-TTg phê duyệt Chương trình OCOP",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Nghị định 43/2017/NĐ-CP quy định về nhãn hàng hoá và được sửa đổi, bổ "
                                        "sung bởi Nghị định 111/2021/NĐ-CP. Nghị định 15/2018/NĐ-CP hướng dẫn "
                                        "Luật An toàn thực phẩm."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": "Mã QR truy xuất nguồn gốc trên bao bì nên dẫn người mua đến đâu?",
                                    "options": [
                                        (
                                            (
                                                "Trang thông tin cho biết chủ thể, lô và ngày sản xuất, vùng "
                                                "nguyên liệu, tiêu chuẩn và kết quả kiểm nghiệm"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Trang mạng xã hội bán hàng của chủ thể",
                                            False,
                                        ),
                                        (
                                            "Hình ảnh biểu trưng của hợp tác xã",
                                            False,
                                        ),
                                        (
                                            "Số điện thoại của giám đốc",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Truy xuất nguồn gốc nghĩa là người mua biết được sản phẩm từ đâu, lô "
                                        "nào, sản xuất khi nào và đạt tiêu chuẩn gì; một trang bán hàng không "
                                        "đáp ứng yêu cầu này."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Trường hợp nào được miễn Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm?"
                                    ),
                                    "options": [
                                        (
                                            "Cơ sở đã có chứng nhận HACCP hoặc ISO 22000 còn hiệu lực",
                                            True,
                                        ),
                                        (
                                            "Mọi hợp tác xã nông nghiệp",
                                            False,
                                        ),
                                        (
                                            "Cơ sở đã có sản phẩm được công nhận OCOP 3 sao",
                                            False,
                                        ),
                                        (
                                            "Cơ sở mới thành lập trong năm đầu hoạt động",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Cơ sở có chứng nhận hệ thống quản lý an toàn thực phẩm như HACCP, ISO "
                                        "22000 còn hiệu lực thuộc diện miễn, nhưng vẫn phải duy trì điều kiện "
                                        "an toàn thực phẩm. Hạng sao OCOP hay loại hình hợp tác xã không phải "
                                        "căn cứ để miễn."
                                    ),
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "code": "OCOP-CT-02",
                "slug": "phuong-an-kinh-doanh-tiep-thi",
                "title": "Phương án kinh doanh, câu chuyện sản phẩm và tiếp thị cho hợp tác xã",
                "summary": (
                    "Lập phương án kinh doanh đơn giản với giá thành, giá bán và dòng tiền; xây dựng câu chuyện "
                    "sản phẩm, chọn kênh bán hàng và chuẩn bị cho buổi đánh giá OCOP."
                ),
                "objectives": [
                    "Lập phương án kinh doanh bảy phần cho sản phẩm chủ lực của hợp tác xã.",
                    "Tính giá thành đầy đủ, đề xuất giá bán buôn, giá bán lẻ và lập kế hoạch dòng tiền 12 tháng.",
                    "Viết câu chuyện sản phẩm trung thực, khớp với bằng chứng trong hồ sơ.",
                    "Chọn kênh bán hàng phù hợp và chuẩn bị hồ sơ, mẫu, bài trình bày cho buổi đánh giá.",
                ],
                "audience": (
                    "Giám đốc, thành viên ban lãnh đạo hợp tác xã; chủ doanh nghiệp nhỏ, hộ kinh doanh, trang "
                    "trại tham gia Chương trình OCOP."
                ),
                "duration_hours": 10,
                "access": "enrolled",
                "lessons": [
                    {
                        "title": "Kiểm tra đầu vào",
                        "slug": "kiem-tra-dau-vao",
                        "minutes": 10,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Bài kiểm tra đầu vào gồm bốn câu hỏi về giá bán, dòng tiền, câu chuyện "
                                    "sản phẩm và kênh bán hàng. Hãy trả lời theo kinh nghiệm kinh doanh của "
                                    "bạn, không cần tra cứu. Kết quả sẽ được so sánh với bài kiểm tra cuối "
                                    "khoá.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "pre_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": "Giá bán buôn tối thiểu của sản phẩm nên được xác định như thế nào?",
                                    "options": [
                                        (
                                            (
                                                "Bù đắp giá thành đầy đủ (chi phí biến đổi và phần chi phí cố "
                                                "định phân bổ) và có lợi nhuận"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Bằng chi phí nguyên liệu, vì công của thành viên không cần tính",
                                            False,
                                        ),
                                        (
                                            "Bằng giá thấp nhất của đối thủ, bất kể chi phí của mình",
                                            False,
                                        ),
                                        (
                                            "Do Ủy ban nhân dân xã ấn định",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Giá bán phải bù đắp toàn bộ chi phí, kể cả chi phí cố định như khấu "
                                        "hao, kiểm nghiệm, quảng bá, và có lợi nhuận; sau đó mới so sánh với "
                                        "giá thị trường để điều chỉnh."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Trong bộ tiêu chí OCOP, câu chuyện sản phẩm được chấm chủ yếu ở phần nào?"
                                    ),
                                    "options": [
                                        (
                                            "Phần B – Khả năng tiếp thị",
                                            True,
                                        ),
                                        (
                                            "Phần C – Chất lượng sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Không được chấm điểm",
                                            False,
                                        ),
                                        (
                                            "Chỉ được xét khi đánh giá sản phẩm 5 sao",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Câu chuyện sản phẩm thuộc nhóm tiêu chí tiếp thị (Phần B); những gì "
                                        "câu chuyện nêu về nguyên liệu, lao động và cộng đồng còn phải khớp với "
                                        "bằng chứng ở Phần A."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": (
                                        "Kênh nào phù hợp để chủ thể OCOP mở rộng thị trường một cách đúng quy định?"
                                    ),
                                    "options": [
                                        (
                                            "Hội chợ, triển lãm",
                                            True,
                                        ),
                                        (
                                            "Điểm giới thiệu và bán sản phẩm OCOP",
                                            True,
                                        ),
                                        (
                                            "Sàn thương mại điện tử và mạng xã hội",
                                            True,
                                        ),
                                        (
                                            "Dán sao OCOP lên sản phẩm chưa được công nhận để bán chạy hơn",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Hội chợ, điểm bán OCOP và thương mại điện tử đều là kênh tốt. Dùng "
                                        "biểu trưng OCOP cho sản phẩm chưa được công nhận là vi phạm."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Vì sao hợp tác xã cần kế hoạch dòng tiền theo tháng, dù phương án cho "
                                        "thấy cả năm có lãi?"
                                    ),
                                    "options": [
                                        (
                                            (
                                                "Vì tiền mua nguyên liệu theo mùa vụ có thể phải chi trước tiền "
                                                "bán hàng nhiều tháng"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Vì phải nộp bảng dòng tiền cho Ủy ban nhân dân xã hằng tháng",
                                            False,
                                        ),
                                        (
                                            "Vì đã có lãi thì không bao giờ thiếu tiền",
                                            False,
                                        ),
                                        (
                                            "Vì dòng tiền chỉ cần cho doanh nghiệp lớn",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Lãi trên sổ sách không có nghĩa là luôn đủ tiền mặt; kế hoạch dòng "
                                        "tiền cho biết tháng nào thiếu vốn để chuẩn bị trước."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Xây dựng phương án kinh doanh đơn giản cho hợp tác xã",
                        "slug": "phuong-an-kinh-doanh",
                        "minutes": 35,
                        "body": [
                            (
                                "heading",
                                "Phương án kinh doanh để làm gì",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Phương án kinh doanh là bản kế hoạch giúp hợp tác xã trả lời: bán cho "
                                    "ai, bán bao nhiêu, giá bao nhiêu, cần bao nhiêu tiền và khi nào có lãi. "
                                    "Phương án là một thành phần của hồ sơ OCOP, nhưng quan trọng hơn, đó là "
                                    "công cụ để ban lãnh đạo và thành viên hợp tác xã cùng thống nhất hướng đi. "
                                    "Một phương án tốt không cần dài, chỉ cần số liệu thật và dễ hiểu.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Bảy phần cơ bản",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ol><li><b>Giới thiệu chủ thể và sản phẩm:</b> thông tin đăng ký, số thành "
                                    "viên, sản phẩm chủ lực.</li><li><b>Thị trường và khách hàng:</b> ai mua "
                                    "(khách du lịch, người mua quà, nhà hàng…), mua ở đâu, mua dịp nào; đối thủ "
                                    "và giá của họ.</li><li><b>Kế hoạch sản xuất:</b> sản lượng theo tháng, "
                                    "nguồn nguyên liệu, liên kết với hộ thành viên, thiết bị, lao "
                                    "động.</li><li><b>Chi phí và giá thành.</b></li><li><b>Giá bán và kênh phân "
                                    "phối.</b></li><li><b>Kế hoạch tài chính và dòng tiền.</b></li><li><b>Tổ "
                                    "chức thực hiện và rủi ro:</b> ai phụ trách việc gì, cách phân chia lợi ích "
                                    "với thành viên, rủi ro thời tiết, giá nguyên liệu và cách ứng "
                                    "phó.</li></ol>"
                                ),
                            ),
                            (
                                "heading",
                                "Tính giá thành và giá bán: một ví dụ",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Một hợp tác xã chè ở xã miền núi dự kiến bán 2.000 hộp chè 200 gam mỗi "
                                    "năm.</p><ul><li><b>Chi phí biến đổi</b> mỗi hộp (búp chè tươi, hộp, nhãn, "
                                    "nhân công chế biến, điện sấy): 60.000 đồng.</li><li><b>Chi phí cố định</b> "
                                    "mỗi năm (khấu hao máy sao chè, kiểm nghiệm, quảng bá, thù lao quản lý): 80 "
                                    "triệu đồng, tức 40.000 đồng mỗi hộp.</li><li><b>Giá thành đầy đủ:</b> "
                                    "100.000 đồng mỗi hộp. Nếu muốn lãi 20%, giá bán cho đại lý là 120.000 "
                                    "đồng.</li><li>Đại lý cần chiết khấu khoảng 25% trên giá bán lẻ, nên giá "
                                    "bán lẻ đề xuất là 160.000 đồng. Hợp tác xã so sánh với giá chè cùng phân "
                                    "khúc để quyết định giữ giá, hay điều chỉnh quy cách, sản "
                                    "lượng.</li></ul><p>Lưu ý: nếu chỉ bán được 1.000 hộp, chi phí cố định mỗi "
                                    "hộp tăng lên 80.000 đồng và giá thành thành 140.000 đồng. Vì vậy, sản "
                                    "lượng bán cần được ước tính thận trọng.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Kế hoạch dòng tiền",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Lãi trên giấy không có nghĩa là đủ tiền. Hợp tác xã chè phải mua búp "
                                    "chè nhiều nhất vào vụ xuân, nhưng bán chạy nhất vào dịp Tết. Hãy lập bảng "
                                    "12 tháng gồm tiền thu, tiền chi và số dư cuối tháng. Tháng nào số dư âm là "
                                    "tháng cần chuẩn bị vốn trước: huy động góp vốn của thành viên, vay tín "
                                    "dụng ưu đãi, nhận đặt cọc từ khách hàng lớn hoặc giãn thời điểm mua bao "
                                    "bì.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Lợi ích của thành viên hợp tác xã",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Với hợp tác xã, phương án cần nói rõ cách thu mua nguyên liệu của thành "
                                    "viên (tiêu chuẩn, giá, thời điểm thanh toán) và cách phân phối thu nhập "
                                    "theo điều lệ và quy định của pháp luật về hợp tác xã. Khi thành viên thấy "
                                    "lợi ích rõ ràng, họ giữ cam kết cung cấp nguyên liệu đúng chất lượng. Đây "
                                    "cũng là nội dung được xem xét ở nhóm tiêu chí về liên kết sản xuất và sức "
                                    "mạnh cộng đồng.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "Dùng phương án kinh doanh trong các cuộc họp thành viên hằng quý: so "
                                        "sánh số thực tế với kế hoạch và ghi lại nguyên nhân chênh lệch. Sổ "
                                        "sách rõ ràng vừa giúp điều hành, vừa là bằng chứng tốt khi đánh giá "
                                        "sản phẩm OCOP."
                                    ),
                                },
                            ),
                        ],
                        "quiz": {
                            "role": None,
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Trong ví dụ của bài, nếu hợp tác xã chỉ bán được 1.000 hộp chè thì giá "
                                        "thành đầy đủ mỗi hộp là bao nhiêu?"
                                    ),
                                    "options": [
                                        (
                                            "140.000 đồng",
                                            True,
                                        ),
                                        (
                                            "100.000 đồng",
                                            False,
                                        ),
                                        (
                                            "120.000 đồng",
                                            False,
                                        ),
                                        (
                                            "80.000 đồng",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Chi phí cố định 80 triệu đồng chia cho 1.000 hộp là 80.000 đồng mỗi "
                                        "hộp, cộng chi phí biến đổi 60.000 đồng thành 140.000 đồng."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Khi bảng dòng tiền cho thấy một tháng bị âm, hợp tác xã có thể làm gì?",
                                    "options": [
                                        (
                                            "Huy động góp vốn của thành viên",
                                            True,
                                        ),
                                        (
                                            "Vay tín dụng ưu đãi",
                                            True,
                                        ),
                                        (
                                            "Nhận đặt cọc từ khách hàng lớn",
                                            True,
                                        ),
                                        (
                                            "Bỏ qua vì cả năm vẫn có lãi",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Tháng âm cần được chuẩn bị vốn từ trước; bỏ qua có thể khiến hợp tác "
                                        "xã không đủ tiền mua nguyên liệu hoặc trả công."
                                    ),
                                },
                            ],
                        },
                    },
                    {
                        "title": "Câu chuyện sản phẩm, kênh bán hàng và chuẩn bị đánh giá",
                        "slug": "cau-chuyen-kenh-ban-hang",
                        "minutes": 35,
                        "body": [
                            (
                                "heading",
                                "Câu chuyện sản phẩm là gì",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Câu chuyện sản phẩm là phần giới thiệu ngắn, chân thực về nguồn gốc, "
                                    "con người và giá trị khác biệt của sản phẩm. Người mua một gói chè OCOP "
                                    "không chỉ mua lá chè, mà mua cả vùng đất, nghề truyền thống và cộng đồng "
                                    "đứng sau nó. Trong bộ tiêu chí OCOP, câu chuyện sản phẩm được chấm ở Phần "
                                    "B – Khả năng tiếp thị. Đồng thời, những điều câu chuyện kể, như nguyên "
                                    "liệu địa phương, lao động là người trong xã, các hộ thành viên hợp tác xã "
                                    "cùng tham gia, phải khớp với bằng chứng được chấm ở Phần A – Sản phẩm và "
                                    "sức mạnh cộng đồng.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Cấu trúc gợi ý",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ol><li><b>Nguồn gốc:</b> vùng đất, khí hậu, giống cây, con vật hoặc nghề "
                                    "truyền thống.</li><li><b>Con người:</b> ai làm ra sản phẩm; vai trò của "
                                    "phụ nữ, đồng bào dân tộc, các hộ thành viên.</li><li><b>Cách làm:</b> công "
                                    "đoạn đặc biệt, bí quyết được gìn giữ và cải tiến.</li><li><b>Giá trị khác "
                                    "biệt:</b> điều gì khiến sản phẩm không giống sản phẩm khác.</li><li><b>Cam "
                                    "kết:</b> chất lượng, an toàn, bảo vệ môi trường, chia sẻ lợi ích với cộng "
                                    "đồng.</li></ol><p>Nên chuẩn bị ba phiên bản: bản ngắn vài câu để in trên "
                                    "bao bì, bản một trang cho tờ giới thiệu và hồ sơ, bản phim ngắn một đến "
                                    "hai phút cho mạng xã hội. Ví dụ một bản ngắn: <i>“Chè của chúng tôi được "
                                    "hái từ những cây chè cổ thụ trên núi cao, do các hộ thành viên hợp tác xã "
                                    "chăm sóc không dùng thuốc diệt cỏ, và được sao thủ công trên chảo gang "
                                    "theo cách ông bà truyền lại.”</i> Mỗi chi tiết trong đó đều phải chứng "
                                    "minh được.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Lựa chọn kênh bán hàng",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul><li><b>Hội chợ, triển lãm:</b> gặp trực tiếp người mua và nhà phân "
                                    "phối; chuẩn bị hàng mẫu, bảng giá, danh thiếp, chính sách đại "
                                    "lý.</li><li><b>Điểm giới thiệu và bán sản phẩm OCOP:</b> kênh bán ổn định, "
                                    "hợp với khách du lịch và người mua quà; cần bảo đảm nguồn hàng "
                                    "đều.</li><li><b>Siêu thị, cửa hàng đặc sản:</b> đòi hỏi hồ sơ chất lượng "
                                    "đầy đủ, mã số mã vạch, khả năng giao hàng đều và chấp nhận công "
                                    "nợ.</li><li><b>Thương mại điện tử:</b> sàn thương mại điện tử, mạng xã "
                                    "hội, bán hàng trực tuyến; cần ảnh rõ nét, mô tả đúng, đóng gói chắc chắn, "
                                    "trả lời khách nhanh.</li></ul><p>Hãy giữ giá bán lẻ thống nhất giữa các "
                                    "kênh để đại lý và khách hàng tin tưởng. Thông tin trên trang bán hàng trực "
                                    "tuyến phải khớp với nhãn, và chỉ giới thiệu là sản phẩm OCOP khi kết quả "
                                    "công nhận còn hiệu lực.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Chuẩn bị cho buổi đánh giá",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul><li>Tự chấm thử theo phiếu chấm của đúng bộ sản phẩm, ghi lại những "
                                    "tiêu chí còn yếu;</li><li>Sắp xếp hồ sơ theo thứ tự tiêu chí, mỗi điểm "
                                    "muốn đạt đều có bằng chứng kèm theo;</li><li>Chuẩn bị mẫu sản phẩm đúng "
                                    "nhãn, đúng bao bì đang bán trên thị trường;</li><li>Tập trình bày ngắn gọn "
                                    "trong năm đến bảy phút: sản phẩm, thị trường, cộng đồng, kế hoạch cải "
                                    "tiến;</li><li>Ghi nhận góp ý của Hội đồng để đưa vào kế hoạch năm "
                                    "sau.</li></ul>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "text": (
                                        "Không sáng tác câu chuyện không có thật, chẳng hạn nhận là truyền "
                                        "thống trăm năm cho một công thức mới có vài năm. Hội đồng và khách "
                                        "hàng đều có thể kiểm chứng; một chi tiết sai làm mất niềm tin vào toàn "
                                        "bộ sản phẩm."
                                    ),
                                },
                            ),
                        ],
                        "quiz": None,
                    },
                    {
                        "title": "Kiểm tra cuối khoá",
                        "slug": "kiem-tra-cuoi-khoa",
                        "minutes": 15,
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Khoá học đã hướng dẫn lập phương án kinh doanh bảy phần cho hợp tác xã, "
                                    "tính giá thành và giá bán, lập kế hoạch dòng tiền; xây dựng câu chuyện sản "
                                    "phẩm trung thực; lựa chọn kênh bán hàng và chuẩn bị cho buổi đánh giá, "
                                    "phân hạng. Bài kiểm tra dưới đây đo mức tiến bộ so với đầu khoá.</p>"
                                ),
                            ),
                        ],
                        "quiz": {
                            "role": "final_test",
                            "questions": [
                                {
                                    "kind": "single",
                                    "prompt": "Giá bán buôn tối thiểu của sản phẩm nên được xác định như thế nào?",
                                    "options": [
                                        (
                                            (
                                                "Bù đắp giá thành đầy đủ (chi phí biến đổi và phần chi phí cố "
                                                "định phân bổ) và có lợi nhuận"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Bằng chi phí nguyên liệu, vì công của thành viên không cần tính",
                                            False,
                                        ),
                                        (
                                            "Bằng giá thấp nhất của đối thủ, bất kể chi phí của mình",
                                            False,
                                        ),
                                        (
                                            "Do Ủy ban nhân dân xã ấn định",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Giá bán phải bù đắp toàn bộ chi phí, kể cả chi phí cố định như khấu "
                                        "hao, kiểm nghiệm, quảng bá, và có lợi nhuận; sau đó mới so sánh với "
                                        "giá thị trường để điều chỉnh."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Trong bộ tiêu chí OCOP, câu chuyện sản phẩm được chấm chủ yếu ở phần nào?"
                                    ),
                                    "options": [
                                        (
                                            "Phần B – Khả năng tiếp thị",
                                            True,
                                        ),
                                        (
                                            "Phần C – Chất lượng sản phẩm",
                                            False,
                                        ),
                                        (
                                            "Không được chấm điểm",
                                            False,
                                        ),
                                        (
                                            "Chỉ được xét khi đánh giá sản phẩm 5 sao",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Câu chuyện sản phẩm thuộc nhóm tiêu chí tiếp thị (Phần B); những gì "
                                        "câu chuyện nêu về nguyên liệu, lao động và cộng đồng còn phải khớp với "
                                        "bằng chứng ở Phần A."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": (
                                        "Kênh nào phù hợp để chủ thể OCOP mở rộng thị trường một cách đúng quy định?"
                                    ),
                                    "options": [
                                        (
                                            "Hội chợ, triển lãm",
                                            True,
                                        ),
                                        (
                                            "Điểm giới thiệu và bán sản phẩm OCOP",
                                            True,
                                        ),
                                        (
                                            "Sàn thương mại điện tử và mạng xã hội",
                                            True,
                                        ),
                                        (
                                            "Dán sao OCOP lên sản phẩm chưa được công nhận để bán chạy hơn",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Hội chợ, điểm bán OCOP và thương mại điện tử đều là kênh tốt. Dùng "
                                        "biểu trưng OCOP cho sản phẩm chưa được công nhận là vi phạm."
                                    ),
                                },
                                {
                                    "kind": "single",
                                    "prompt": (
                                        "Vì sao hợp tác xã cần kế hoạch dòng tiền theo tháng, dù phương án cho "
                                        "thấy cả năm có lãi?"
                                    ),
                                    "options": [
                                        (
                                            (
                                                "Vì tiền mua nguyên liệu theo mùa vụ có thể phải chi trước tiền "
                                                "bán hàng nhiều tháng"
                                            ),
                                            True,
                                        ),
                                        (
                                            "Vì phải nộp bảng dòng tiền cho Ủy ban nhân dân xã hằng tháng",
                                            False,
                                        ),
                                        (
                                            "Vì đã có lãi thì không bao giờ thiếu tiền",
                                            False,
                                        ),
                                        (
                                            "Vì dòng tiền chỉ cần cho doanh nghiệp lớn",
                                            False,
                                        ),
                                    ],
                                    "points": 1,
                                    "explanation": (
                                        "Lãi trên sổ sách không có nghĩa là luôn đủ tiền mặt; kế hoạch dòng "
                                        "tiền cho biết tháng nào thiếu vốn để chuẩn bị trước."
                                    ),
                                },
                                {
                                    "kind": "multiple",
                                    "prompt": "Chủ thể nên làm gì để chuẩn bị cho buổi đánh giá, phân hạng sản phẩm?",
                                    "options": [
                                        (
                                            "Tự chấm thử theo phiếu chấm của đúng bộ sản phẩm",
                                            True,
                                        ),
                                        (
                                            "Sắp xếp hồ sơ theo thứ tự tiêu chí, mỗi điểm có bằng chứng kèm theo",
                                            True,
                                        ),
                                        (
                                            "Mang mẫu sản phẩm đúng nhãn và bao bì đang bán",
                                            True,
                                        ),
                                        (
                                            "In riêng một mẫu nhãn đẹp hơn chỉ dùng cho buổi đánh giá",
                                            False,
                                        ),
                                    ],
                                    "points": 2,
                                    "explanation": (
                                        "Mẫu đánh giá phải giống sản phẩm bán ra thị trường; tự chấm thử và hồ "
                                        "sơ có bằng chứng giúp trình bày đúng trọng tâm."
                                    ),
                                },
                            ],
                        },
                    },
                ],
            },
        ],
    },
]

# In-person courses: taught in the classroom from printed handouts, no online lessons and no final
# test, so attendance alone decides the certificate (the 2019 classes and this year's, whose people
# have no accounts). One per track, published beside the online courses above.
IN_PERSON_RULES = {"min_attendance_percent": 80, "excused_counts_as_attended": True, "require_all_lessons": False}
IN_PERSON_COURSES = {
    "steering": {
        "code": "OCOP-BCD-03",
        "slug": "tap-huan-truc-tiep-hoi-dong-danh-gia",
        "title": "Nghiệp vụ chỉ đạo, đánh giá và phân hạng sản phẩm OCOP (tập huấn trực tiếp)",
        "summary": (
            "Lớp hai ngày học trực tiếp cho Ban chỉ đạo, Hội đồng đánh giá, phân hạng sản phẩm OCOP và Tổ tư vấn "
            "giúp việc: khung pháp lý, bộ tiêu chí, thực hành chấm điểm trên hồ sơ thật và quy trình làm việc của "
            "Hội đồng. Tài liệu phát tại lớp; hoàn thành khi dự ít nhất 80 % số buổi và không vắng buổi nào "
            "không có phép."
        ),
        "objectives": [
            "Nắm mục tiêu, nguyên tắc và cách tổ chức thực hiện Chương trình OCOP của thành phố.",
            "Áp dụng đúng bộ tiêu chí phần A, B, C và thang phân hạng sao khi chấm hồ sơ.",
            "Thẩm định hồ sơ, minh chứng và mẫu sản phẩm theo đúng quy trình của Hội đồng.",
            "Phối hợp giữa Ban chỉ đạo, Hội đồng và Tổ tư vấn trong chu trình OCOP hằng năm.",
        ],
        "audience": (
            "Thành viên Ban chỉ đạo, Hội đồng đánh giá, phân hạng sản phẩm OCOP và Tổ tư vấn giúp việc cấp thành phố."
        ),
        "duration_hours": 16,
        "access": "open",
        "rules": IN_PERSON_RULES,
        "lessons": [],
    },
    "officers": {
        "code": "OCOP-CB-03",
        "slug": "tap-huan-truc-tiep-can-bo-trien-khai",
        "title": "Nghiệp vụ triển khai Chương trình OCOP tại địa phương (tập huấn trực tiếp)",
        "summary": (
            "Lớp hai ngày học trực tiếp cho cán bộ cấp huyện, cấp xã (từ 1/7/2025: cấp xã) trực tiếp triển khai "
            "Chương trình: chu trình OCOP thường niên, rà soát sản phẩm, hướng dẫn chủ thể lập hồ sơ, theo dõi và "
            "báo cáo. Tài liệu phát tại lớp; hoàn thành khi dự ít nhất 80 % số buổi và không vắng buổi nào không "
            "có phép."
        ),
        "objectives": [
            "Tổ chức đúng sáu bước của chu trình OCOP thường niên ở địa phương.",
            "Rà soát, lập danh mục sản phẩm tiềm năng và chủ thể tham gia của xã.",
            "Hướng dẫn chủ thể chuẩn bị phương án, hồ sơ và mẫu sản phẩm dự thi.",
            "Theo dõi sản phẩm sau công nhận, tổng hợp và báo cáo kết quả đúng kỳ.",
        ],
        "audience": "Cán bộ phòng kinh tế, nông nghiệp cấp huyện (trước 1/7/2025) và cán bộ cấp xã phụ trách OCOP.",
        "duration_hours": 16,
        "access": "open",
        "rules": IN_PERSON_RULES,
        "lessons": [],
    },
    "producers": {
        "code": "OCOP-CT-03",
        "slug": "tap-huan-truc-tiep-quan-tri-kinh-doanh",
        "title": "Quản trị kinh doanh cho hợp tác xã, hộ sản xuất và trang trại (tập huấn trực tiếp)",
        "summary": (
            "Lớp ba ngày học trực tiếp cho giám đốc, cán bộ quản lý hợp tác xã, chủ hộ sản xuất, kinh doanh và "
            "chủ trang trại: tổ chức sản xuất, chi phí và giá thành, phương án kinh doanh, tiêu chuẩn, nhãn và bao "
            "bì, tiếp thị và chuẩn bị hồ sơ sản phẩm OCOP. Tài liệu phát tại lớp; hoàn thành khi dự ít nhất 80 % "
            "số buổi và không vắng buổi nào không có phép."
        ),
        "objectives": [
            "Tính đúng chi phí, giá thành và lập phương án kinh doanh đơn giản cho sản phẩm chủ lực.",
            "Tổ chức sản xuất theo tiêu chuẩn đã công bố, ghi chép và lưu hồ sơ chất lượng.",
            "Hoàn thiện nhãn, bao bì, câu chuyện sản phẩm và chọn kênh bán hàng phù hợp.",
            "Chuẩn bị hồ sơ và mẫu sản phẩm tham gia đánh giá, phân hạng OCOP.",
        ],
        "audience": (
            "Giám đốc, cán bộ quản lý hợp tác xã; chủ hộ sản xuất, kinh doanh; chủ trang trại và doanh nghiệp nhỏ."
        ),
        "duration_hours": 24,
        "access": "open",
        "rules": IN_PERSON_RULES,
        "lessons": [],
    },
}
