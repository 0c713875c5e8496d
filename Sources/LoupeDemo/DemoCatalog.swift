/// The vocabulary of the demo shop: people of many countries (names in their own scripts, with an ASCII form for
/// email addresses), places, jewellery, carriers and payment methods.
enum DemoCatalog {
    /// A country's people and places.
    struct Locale {
        let country: String
        let phonePrefix: String
        let givenNames: [(name: String, ascii: String)]
        let familyNames: [(name: String, ascii: String)]
        let cities: [String]
        let streets: [String]
        let carriers: [String]
        let currency: String
        /// Family name first (as written in CJK and Hungarian).
        var familyFirst = false
    }

    static let locales: [Locale] = [
        Locale(country: "GB", phonePrefix: "+44 7700 9", givenNames: [("Olivia", "olivia"), ("Harry", "harry"), ("Amelia", "amelia"), ("George", "george"), ("Siobhán", "siobhan")],
               familyNames: [("Smith", "smith"), ("O'Brien", "obrien"), ("Taylor", "taylor"), ("Davies", "davies")],
               cities: ["London", "Manchester", "Edinburgh", "Bristol"], streets: ["High Street", "Station Road", "Church Lane"],
               carriers: ["Royal Mail", "DHL", "UPS"], currency: "GBP"),
        Locale(country: "DE", phonePrefix: "+49 151 2", givenNames: [("Jürgen", "juergen"), ("Lena", "lena"), ("Jörg", "joerg"), ("Sophie", "sophie")],
               familyNames: [("Müller", "mueller"), ("Schröder", "schroeder"), ("Weiß", "weiss"), ("Schmidt", "schmidt")],
               cities: ["Berlin", "München", "Köln", "Hamburg"], streets: ["Hauptstraße", "Schillerstraße", "Gartenweg"],
               carriers: ["DHL", "UPS"], currency: "EUR"),
        Locale(country: "FR", phonePrefix: "+33 6 12", givenNames: [("Élodie", "elodie"), ("François", "francois"), ("Chloé", "chloe"), ("Théo", "theo")],
               familyNames: [("Lefèvre", "lefevre"), ("Dubois", "dubois"), ("Girard", "girard"), ("Bérénger", "berenger")],
               cities: ["Paris", "Lyon", "Marseille", "Nantes"], streets: ["rue de la Paix", "avenue Victor-Hugo", "place d'Italie"],
               carriers: ["La Poste", "DHL", "UPS"], currency: "EUR"),
        Locale(country: "ES", phonePrefix: "+34 612 3", givenNames: [("José", "jose"), ("Lucía", "lucia"), ("Iñigo", "inigo"), ("Martina", "martina")],
               familyNames: [("Núñez", "nunez"), ("García", "garcia"), ("Peña", "pena"), ("Fernández", "fernandez")],
               cities: ["Madrid", "Barcelona", "Sevilla", "Valencia"], streets: ["Calle Mayor", "Gran Vía", "Calle del Prado"],
               carriers: ["DHL", "FedEx", "UPS"], currency: "EUR"),
        Locale(country: "PL", phonePrefix: "+48 512 3", givenNames: [("Łukasz", "lukasz"), ("Zofia", "zofia"), ("Małgorzata", "malgorzata")],
               familyNames: [("Wójcik", "wojcik"), ("Kowalczyk", "kowalczyk"), ("Żurawska", "zurawska")],
               cities: ["Warszawa", "Kraków", "Gdańsk"], streets: ["ul. Długa", "ul. Piękna"], carriers: ["DHL", "UPS"], currency: "PLN"),
        Locale(country: "RU", phonePrefix: "+7 912 34", givenNames: [("Анна", "anna"), ("Дмитрий", "dmitry"), ("Екатерина", "ekaterina")],
               familyNames: [("Смирнова", "smirnova"), ("Иванов", "ivanov"), ("Кузнецова", "kuznetsova")],
               cities: ["Москва", "Санкт-Петербург"], streets: ["ул. Арбат", "Невский пр."], carriers: ["DHL"], currency: "EUR"),
        Locale(country: "GR", phonePrefix: "+30 691 2", givenNames: [("Γιώργος", "giorgos"), ("Ελένη", "eleni"), ("Δήμητρα", "dimitra")],
               familyNames: [("Παπαδόπουλος", "papadopoulos"), ("Οικονόμου", "oikonomou"), ("Γεωργίου", "georgiou")],
               cities: ["Αθήνα", "Θεσσαλονίκη"], streets: ["Οδός Ερμού", "Λεωφόρος Συγγρού"], carriers: ["DHL", "UPS"], currency: "EUR"),
        Locale(country: "AE", phonePrefix: "+971 50 12", givenNames: [("فاطمة", "fatima"), ("محمد", "mohammed"), ("ليلى", "layla")],
               familyNames: [("الهاشمي", "alhashimi"), ("المنصوري", "almansouri"), ("النعيمي", "alnuaimi")],
               cities: ["دبي", "أبوظبي"], streets: ["شارع الشيخ زايد", "شارع الوصل"], carriers: ["DHL", "FedEx"], currency: "AED"),
        Locale(country: "CN", phonePrefix: "+86 139 12", givenNames: [("芳", "fang"), ("伟", "wei"), ("秀英", "xiuying")],
               familyNames: [("王", "wang"), ("李", "li"), ("张", "zhang")],
               cities: ["上海", "北京", "深圳"], streets: ["南京东路", "长安街"], carriers: ["DHL", "FedEx"], currency: "CNY", familyFirst: true),
        Locale(country: "JP", phonePrefix: "+81 90 12", givenNames: [("花子", "hanako"), ("翔太", "shota"), ("美咲", "misaki")],
               familyNames: [("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi")],
               cities: ["東京", "大阪", "京都"], streets: ["銀座", "心斎橋"], carriers: ["DHL", "FedEx", "UPS"], currency: "JPY", familyFirst: true),
        Locale(country: "KR", phonePrefix: "+82 10 12", givenNames: [("민준", "minjun"), ("서연", "seoyeon")],
               familyNames: [("김", "kim"), ("이", "lee"), ("박", "park")],
               cities: ["서울", "부산"], streets: ["테헤란로", "세종대로"], carriers: ["DHL", "FedEx"], currency: "KRW", familyFirst: true),
        Locale(country: "US", phonePrefix: "+1 202 55", givenNames: [("Emma", "emma"), ("Liam", "liam"), ("Zoë", "zoe"), ("Mateo", "mateo")],
               familyNames: [("Johnson", "johnson"), ("Nguyễn", "nguyen"), ("Rodríguez", "rodriguez"), ("Williams", "williams")],
               cities: ["New York", "Austin", "Seattle", "Chicago"], streets: ["Main Street", "Oak Avenue", "5th Avenue"],
               carriers: ["UPS", "FedEx"], currency: "USD"),
        Locale(country: "TR", phonePrefix: "+90 532 12", givenNames: [("Çağla", "cagla"), ("Emre", "emre"), ("Gülşen", "gulsen")],
               familyNames: [("Öztürk", "ozturk"), ("Yılmaz", "yilmaz"), ("Şahin", "sahin")],
               cities: ["İstanbul", "İzmir"], streets: ["İstiklal Caddesi", "Bağdat Caddesi"], carriers: ["DHL", "UPS"], currency: "EUR"),
    ]

    /// Reserved example domains: the demo never names a real mailbox.
    static let emailDomains = ["example.com", "example.org", "example.net", "mail.example", "post.example"]
    static let metals = ["18k Gold", "14k Rose Gold", "Sterling Silver", "Platinum", "White Gold"]
    static let gems = ["Diamond", "Sapphire", "Emerald", "Ruby", "Pearl", "Amethyst", "Opal", "Topaz"]
    static let pieces = [("RNG", "Solitaire Ring"), ("RNG", "Halo Ring"), ("RNG", "Eternity Band"),
                         ("NCK", "Pendant Necklace"), ("NCK", "Tennis Necklace"), ("EAR", "Stud Earrings"),
                         ("EAR", "Drop Earrings"), ("BRC", "Tennis Bracelet"), ("BRC", "Charm Bracelet")]
    static let tiers = ["none", "silver", "gold", "platinum"]
    static let styles = ["minimalist", "vintage", "art deco", "bohemian", "classic", "statement", "rose gold", "pearls"]
    static let cardBrands = ["Visa", "Mastercard", "American Express"]
    static let devices = [("iPhone 15", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1"),
                          ("Pixel 8", "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/124.0 Mobile"),
                          ("MacBook Air", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) Safari/605.1.15"),
                          ("Windows PC", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/125.0"),
                          ("Galaxy S24", "Mozilla/5.0 (Linux; Android 14; SM-S921B) Chrome/124.0 Mobile")]
    static let pages = ["/", "/rings", "/necklaces", "/earrings", "/bracelets", "/cart", "/checkout", "/account",
                        "/gifts", "/engagement"]
    /// Pages whose events the necessary cookies record (the cart, the checkout, the account).
    static let necessaryPages: Set<String> = ["/cart", "/checkout", "/account"]
    /// The processors the demo shop lists: its couriers and payment providers, with their agreements.
    static let processors: [(name: String, kind: String, contact: String, purpose: String, agreement: String)] = [
        ("DHL", "courier", "dpo@dhl.example", "delivering parcels", "2024-02-01"),
        ("UPS", "courier", "privacy@ups.example", "delivering parcels", "2024-02-01"),
        ("FedEx", "courier", "privacy@fedex.example", "delivering parcels", "2024-05-12"),
        ("La Poste", "courier", "dpo@laposte.example", "delivering parcels in France", "2024-03-20"),
        ("Royal Mail", "courier", "dpo@royalmail.example", "delivering parcels in the UK", "2024-03-20"),
        ("Stripe", "payment-provider", "dpo@stripe.example", "card and wallet payments", "2024-01-15"),
        ("Adyen", "payment-provider", "privacy@adyen.example", "card payments", "2024-01-15"),
        ("PayPal", "payment-provider", "privacy@paypal.example", "PayPal payments", "2024-01-15"),
    ]
    static let feedback = ["The ring arrived beautifully packed, thank you!", "Earrings smaller than pictured.",
                           "Fast delivery, lovely necklace.", "The clasp broke after a week.",
                           "Wonderful gift for my wife — she loved it.", "Size guide was confusing."]
    static let consentPurposes = ["email-marketing", "sms-marketing", "analytics-cookies"]
}
