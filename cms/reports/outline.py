"""The report outline of Cao Bằng Decision 31/2020/QĐ-UBND (appendix
"ĐỀ CƯƠNG BÁO CÁO"), word for word.

These are the form's own headings, so they are not translated: a report sent
to the department reads the same whatever language its author's admin uses.
"""

TITLE = "BÁO CÁO"
SUBJECT = "Hoạt động quản lý, vận hành cụm thông tin"
REPORTER = "ĐƠN VỊ BÁO CÁO"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

I_SITUATION = "I. ĐẶC ĐIỂM TÌNH HÌNH"
II_RESULTS = "II. KẾT QUẢ THỰC HIỆN"
II_1 = "1. Công tác xây dựng, ban hành văn bản quản lý, vận hành Cụm thông tin"
II_2 = "2. Việc thực hiện bố trí nhân sự quản lý, vận hành Cụm thông tin"
II_3 = "3. Xây dựng nội dung chương trình đăng tải trên Cụm thông tin"
II_4 = (
    "4. Thực hiện tổ chức đăng tải chương trình do Sở Thông tin và Truyền thông "
    "cung cấp"
)
II_5 = "5. Kinh phí thực hiện duy trì hằng năm"
III_ASSESSMENT = "III. ĐÁNH GIÁ CHUNG"
III_1 = "1. Thuận lợi, khó khăn"
III_2 = "2. Hạn chế, tồn tại; nguyên nhân"
III_3 = "3. Giải pháp thực hiện"
IV_NEXT_YEAR = "IV. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM TỚI"
V_PROPOSALS = "V. ĐỀ XUẤT, KIẾN NGHỊ"
V_1 = "1. Kiến nghị Ủy ban nhân dân tỉnh"
V_2 = "2. Kiến nghị Bộ Thông tin và Truyền thông"

SECTIONS = [I_SITUATION, II_RESULTS, III_ASSESSMENT, IV_NEXT_YEAR, V_PROPOSALS]
