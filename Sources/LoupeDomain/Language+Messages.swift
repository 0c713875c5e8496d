/// The few words Loupe puts into a message's placeholders itself, in each language.
extension Language {
    /// What a request asks for, as the messages say it ("erasure of your data").
    public func phrase(_ kind: RequestKind) -> String {
        switch (self, kind) {
        case (.english, _): kind.phrase
        case (.german, .access): "Auskunft über Ihre Daten"
        case (.german, .rectification): "Berichtigung Ihrer Daten"
        case (.german, .erasure): "Löschung Ihrer Daten"
        case (.german, .consentWithdrawal): "Widerruf Ihrer Einwilligung"
        case (.spanish, .access): "acceso a sus datos"
        case (.spanish, .rectification): "rectificación de sus datos"
        case (.spanish, .erasure): "supresión de sus datos"
        case (.spanish, .consentWithdrawal): "retirada de su consentimiento"
        case (.french, .access): "accès à vos données"
        case (.french, .rectification): "rectification de vos données"
        case (.french, .erasure): "effacement de vos données"
        case (.french, .consentWithdrawal): "retrait de votre consentement"
        }
    }

    /// How a message addresses someone whose name is not known.
    public var unnamedRecipient: String {
        switch self {
        case .english: "customer"
        case .german: "Kundin, sehr geehrter Kunde"
        case .spanish: "cliente"
        case .french: "Madame, Monsieur"
        }
    }

    /// The corrections, when the request named none field by field.
    public var detailsYouGave: String {
        switch self {
        case .english: "the details you gave us"
        case .german: "die Angaben, die Sie uns genannt haben"
        case .spanish: "los datos que nos indicó"
        case .french: "les informations que vous nous avez données"
        }
    }

    /// The purposes a consent withdrawal ended.
    public var everyPurpose: String {
        switch self {
        case .english: "every purpose you had agreed to"
        case .german: "alle Zwecke, denen Sie zugestimmt hatten"
        case .spanish: "todos los fines que había aceptado"
        case .french: "toutes les finalités que vous aviez acceptées"
        }
    }

    /// A consent purpose as the messages name it ("email marketing").
    public func name(_ purpose: ConsentPurpose) -> String {
        switch (self, purpose) {
        case (.english, _): purpose.rawValue.replacingOccurrences(of: "-", with: " ")
        case (.german, .emailMarketing): "Werbung per E-Mail"
        case (.german, .smsMarketing): "Werbung per SMS"
        case (.german, .analyticsCookies): "Analyse-Cookies"
        case (.german, .marketingCookies): "Marketing-Cookies"
        case (.german, .dataSharing): "Weitergabe an Dritte"
        case (.spanish, .emailMarketing): "publicidad por correo electrónico"
        case (.spanish, .smsMarketing): "publicidad por SMS"
        case (.spanish, .analyticsCookies): "cookies de análisis"
        case (.spanish, .marketingCookies): "cookies de marketing"
        case (.spanish, .dataSharing): "cesión a terceros"
        case (.french, .emailMarketing): "publicité par e-mail"
        case (.french, .smsMarketing): "publicité par SMS"
        case (.french, .analyticsCookies): "cookies d'analyse"
        case (.french, .marketingCookies): "cookies publicitaires"
        case (.french, .dataSharing): "partage avec des tiers"
        }
    }

    /// The withdrawal message's purposes, when none had been granted.
    public var nothingGranted: String {
        switch self {
        case .english: "nothing was granted, so nothing had to be withdrawn"
        case .german: "nichts, da keine Einwilligung erteilt war"
        case .spanish: "nada, ya que no se había dado ningún consentimiento"
        case .french: "rien, car aucun consentement n'avait été donné"
        }
    }

    /// The erasure message's list of kept records, when none was kept.
    public var nothingKept: String {
        switch self {
        case .english: "- nothing: no record had to be kept."
        case .german: "- nichts: Es musste kein Eintrag aufbewahrt werden."
        case .spanish: "- nada: no fue necesario conservar ningún registro."
        case .french: "- rien : aucun document n'a dû être conservé."
        }
    }
}
