/**
 * Name material for synthetic campaigns. Each spelling list holds one name as it is written natively
 * first, then the romanizations and variants that records and users actually type. Composed by
 * bench/synthetic-names.ts; the people these combinations describe do not exist.
 */

/** A name and its spellings: [native, main romanization, other variants…]. */
export type Spellings = readonly string[];

export interface Culture {
  id: string;
  /** Relative share of profiles. */
  weight: number;
  given: readonly Spellings[];
  family: readonly Spellings[];
  /** Family name first in the native form (Chinese, Vietnamese). */
  familyFirst?: boolean;
  /** How the native form joins its parts: Han names have no spaces; Uyghur names in Han use "·". */
  nativeJoiner?: string;
  /** Optional middle names, romanized like the rest. */
  middle?: readonly Spellings[];
  /** The father's given name follows one's own (Arabic, Persian, Ethiopian chains such as Omar Mohamed Ali). */
  fatherName?: boolean;
  /** A second family name may follow (Spanish: López Mendoza). */
  twoFamilyNames?: boolean;
}

/** Parses "native|romanization|variant; native|romanization…" into spelling lists. */
function names(list: string): Spellings[] {
  return list.split(";").map((entry) => entry.trim().split("|"));
}

export const CULTURES: readonly Culture[] = [
  {
    id: "az",
    weight: 8,
    given: names(
      "İlqar|Ilgar|Ilqar; Rəşad|Rashad|Rashad; Tofiq|Tofig|Tofik; Elçin|Elchin|Elcin; " +
        "Vüqar|Vugar|Vuqar; Xədicə|Khadija|Khadija; Leyla|Leyla|Leila; Günay|Gunay; " +
        "Əli|Ali; Ülvi|Ulvi; Anar|Anar; Tural|Tural; Aygün|Aygun; Səadət|Saadat|Sadat; " +
        "Emin|Emin; Bəxtiyar|Bakhtiyar|Bakhtiar; Nigar|Nigar; Orxan|Orkhan",
    ),
    family: names(
      "Məmmədov|Mammadov|Mamedov|Mammedov; Əliyev|Aliyev|Aliev; " +
        "Hüseynov|Huseynov|Guseynov; Quliyev|Guliyev|Kuliev; Həsənov|Hasanov|Gasanov; " +
        "İsmayılov|Ismayilov|Ismailov; Rəhimov|Rahimov; Cəfərov|Jafarov|Dzhafarov; " +
        "Abbasov|Abbasov; Nəsirov|Nasirov; Xəlilov|Khalilov|Xalilov; " +
        "Qasımlı|Gasimli|Qasimli; Yunus|Yunus; Mirzəyev|Mirzayev|Mirzoev",
    ),
  },
  {
    id: "tr",
    weight: 5,
    given: names(
      "Ayşe|Ayse|Aysha; Gökhan|Gokhan; İsmail|Ismail; Şükrü|Sukru; Çağlar|Caglar; " +
        "Özlem|Ozlem; Mehmet|Mehmet|Mehmed; Selahattin|Selahattin; Figen|Figen; " +
        "Osman|Osman; Ahmet|Ahmet; Nazlı|Nazli; Can|Can",
    ),
    family: names(
      "Yılmaz|Yilmaz; Şahin|Sahin|Shahin; Öztürk|Ozturk; Çelik|Celik; Doğan|Dogan; " +
        "Kılıç|Kilic; Demirtaş|Demirtas; Yüksekdağ|Yuksekdag; Kavala|Kavala; Altan|Altan; " +
        "Dündar|Dundar; Aydın|Aydin",
    ),
  },
  {
    id: "pl-by",
    weight: 4,
    given: names(
      "Łukasz|Lukasz; Małgorzata|Malgorzata; Wojciech|Wojciech; Zbigniew|Zbigniew; " +
        "Grażyna|Grazyna; Andrzej|Andrzej; Agnieszka|Agnieszka; Andżelika|Andzelika; " +
        "Jarosław|Jaroslaw",
    ),
    family: names(
      "Wałęsa|Walesa; Łęcki|Lecki; Żółkiewski|Zolkiewski; Szczepański|Szczepanski; " +
        "Kowalczyk|Kowalczyk; Poczobut|Poczobut; Borys|Borys; Wiśniewska|Wisniewska",
    ),
  },
  {
    id: "vi",
    weight: 5,
    familyFirst: true,
    given: names(
      "Quang|Quang; Hương|Huong; Thành|Thanh; Dũng|Dung; Hải|Hai; Thủy|Thuy; Tuấn|Tuan; " +
        "Phương|Phuong; Nhã|Nha; Khiêm|Khiem",
    ),
    middle: names("Văn|Van; Thị|Thi; Đức|Duc; Minh|Minh; Ngọc|Ngoc"),
    family: names(
      "Nguyễn|Nguyen|Nguyen; Trần|Tran; Lê|Le; Phạm|Pham; Đặng|Dang; Huỳnh|Huynh; Võ|Vo; " + "Đỗ|Do; Bùi|Bui",
    ),
  },
  {
    id: "ru-by-ua",
    weight: 10,
    given: names(
      "Алексей|Aleksei|Alexei|Alexey; Сергей|Sergei|Sergey; Сяргей|Siarhei|Sergei; " +
        "Аляксандр|Aliaksandr|Alexander; Олег|Oleg; Олег|Oleh; Мария|Maria|Mariya; " +
        "Марыя|Maryia|Maria; Ольга|Olga; Дмитрий|Dmitry|Dmitri; Владимир|Vladimir; " +
        "Вольга|Volha|Olga; Юлия|Yulia|Julia; Илья|Ilya|Ilia; Максим|Maxim|Maksim; " +
        "Наталья|Natalia|Natalya; Евгений|Yevgeny|Evgeny|Evgenii",
    ),
    middle: names("Алексеевич|Alekseyevich; Сергеевна|Sergeyevna; Иванович|Ivanovich"),
    family: names(
      "Навальный|Navalny|Navalnyy; Сенцов|Sentsov; Иванов|Ivanov; Кара-Мурза|Kara-Murza; " +
        "Бабарико|Babaryka|Babariko; Колесникова|Kalesnikava|Kolesnikova; " +
        "Бяляцкий|Bialiatski|Byalyatski; Яшин|Yashin; Горинов|Gorinov; " +
        "Скочиленко|Skochilenko; Петрова|Petrova; Кузнецов|Kuznetsov; Шевченко|Shevchenko; " +
        "Ковальчук|Kovalchuk",
    ),
  },
  {
    id: "ar",
    weight: 12,
    fatherName: true,
    given: names(
      "محمد|Mohammed|Mohamed|Muhammad|Mohammad; عمر|Omar|Umar; خليل|Khalil|Khaleel; " +
        "أحمد|Ahmed|Ahmad; علاء|Alaa|Ala'a; حسين|Hussein|Hussain|Husayn; " +
        "فاطمة|Fatima|Fatma; رزان|Razan; " +
        "عبد الرحمن|Abdelrahman|Abdul Rahman|Abd al-Rahman; يوسف|Youssef|Yusuf; " +
        "مازن|Mazen|Mazin; سلمى|Salma|Salmah; عبد الله|Abdullah|Abdallah",
    ),
    family: names(
      "معتوق|Matouk|Ma'touq|Maatouk; الحسيني|al-Husseini|el-Husseini; " +
        "عبد الفتاح|Abdel Fattah|Abd El-Fattah; الشامي|ash-Shami|al-Shami; " +
        "زيتونة|Zaitouneh|Zeitouneh; الخطيب|al-Khatib|el-Khatib; درويش|Darwish; " +
        "السيد|el-Sayed|as-Sayed; منصور|Mansour|Mansur; البنا|al-Banna; " +
        "حمزاوي|Hamzawy|Hamzawi; الخواجة|al-Khawaja|Alkhawaja",
    ),
  },
  {
    id: "fa",
    weight: 6,
    fatherName: true,
    given: names(
      "نرگس|Narges|Nargis; نسرین|Nasrin|Nasreen; بهاره|Bahareh; محمد|Mohammad|Mohammed; " +
        "سپیده|Sepideh; آرش|Arash; نیلوفر|Niloufar|Nilufar; حسین|Hossein|Hussein; " +
        "مهدی|Mahdi|Mehdi; توماج|Toomaj|Tomaj",
    ),
    family: names(
      "محمدی|Mohammadi|Mohamadi; ستوده|Sotoudeh|Sotoodeh; هدایت|Hedayat; رحمانی|Rahmani; " +
        "قلیان|Gholian|Qolian; صالحی|Salehi; بقائی|Baghaei|Baqai; طاهری|Taheri; " +
        "کاظمی|Kazemi|Kazimi",
    ),
  },
  {
    id: "zh",
    weight: 10,
    familyFirst: true,
    nativeJoiner: "",
    given: names(
      "伟|Wei; 芳|Fang; 明|Ming; 晓波|Xiaobo; 志永|Zhiyong; 浦|Pu; 静|Jing; 宇|Yu; 家宝|Jiabao; " +
        "泽|Ze; 亦|Yi; 秋实|Qiushi; 全璋|Quanzhang; 敏|Min",
    ),
    family: names(
      "王|Wang; 李|Li; 张|Zhang; 刘|Liu; 陈|Chen; 许|Xu; 高|Gao; 黄|Huang; 丁|Ding; 周|Zhou; 余|Yu; " +
        "胡|Hu",
    ),
  },
  {
    id: "ug",
    weight: 4,
    nativeJoiner: "·",
    given: names(
      "伊力哈木|Ilham; 热依拉|Rahile; 古丽|Gulshan|Gulnar; 阿不都|Abdu|Abdul; 努尔|Nur|Nurmuhammad; " +
        "吐尔逊|Tursun",
    ),
    family: names(
      "土赫提|Tohti|Toxti; 达吾提|Dawut|Dawut; 阿巴斯|Abbas; 买买提|Memet|Mamat; 艾买提|Ehmet|Ahmat; " +
        "吾守尔|Osman",
    ),
  },
  {
    id: "es",
    weight: 8,
    twoFamilyNames: true,
    given: names(
      "Leopoldo|Leopoldo; José|Jose; María José|Maria Jose; Julio|Julio; Ángel|Angel; " +
        "Begoña|Begona; Iñaki|Inaki; Lucía|Lucia; Raúl|Raul; Tamara|Tamara; Félix|Felix; " +
        "Yoani|Yoani",
    ),
    middle: names("Alfredo|Alfredo; Antonio|Antonio; del Carmen|del Carmen"),
    family: names(
      "López|Lopez; Núñez|Nunez; Peña|Pena; Ferrer|Ferrer; Tamayo|Tamayo; " +
        "Martínez|Martinez; Sánchez|Sanchez; Ledezma|Ledezma; " +
        "Pérez-Roque|Perez Roque|Perez-Roque; Otero Alcántara|Otero Alcantara; " +
        "Guevara|Guevara; Ortega|Ortega",
    ),
  },
  {
    id: "west-africa",
    weight: 5,
    given: names(
      "Fatoumata|Fatoumata|Fatoumatta|Fatumata; Fanta|Fanta; Ousmane|Ousmane|Usman; " +
        "Solo|Solo; Lamin|Lamin|Lamine; Mariama|Mariama|Maryam; Ebrima|Ebrima|Ibrahima; " +
        "Awa|Awa; Sainabou|Sainabou|Zainab; Modou|Modou|Mamadou",
    ),
    family: names(
      "Jawara|Jawara; Sandeng|Sandeng; Sɔnkɔ|Sonko|Sonco; Jallow|Jallow|Jalloh; " +
        "Ceesay|Ceesay|Sesay; Touré|Toure; Njie|Njie|Ndiaye; Darboe|Darboe",
    ),
  },
  {
    id: "et",
    weight: 3,
    fatherName: true,
    given: names(
      "በቀለ|Bekele; ጃዋር|Jawar; እስክንድር|Eskinder|Eskender; መረራ|Merera; ሪዮት|Reeyot|Riyot; " +
        "ብርሃኑ|Berhanu|Birhanu",
    ),
    family: names(
      "ገርባ|Gerba|Girba; መሐመድ|Mohammed|Mohamed; ነጋ|Nega; ጉዲና|Gudina; ዓለሙ|Alemu|Alamu; " + "ነጋሽ|Negash",
    ),
  },
];
