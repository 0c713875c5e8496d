extension MessageTemplate {
    static let frenchSignature = """


        Pour toute question, répondez à ce message ou écrivez à {{privacyEmail}} en indiquant {{requestId}}.

        L'équipe chargée de la protection des données de {{shopName}}
        """

    static let frenchNoticeSignature = """


        Pour toute question, répondez à ce message ou écrivez à {{privacyEmail}}.

        L'équipe chargée de la protection des données de {{shopName}}
        """

    /// The French subject and body of `event`.
    static func frenchText(_ event: MessageEvent) -> (String, String) {
        switch event {
        case .received:
            return ("Nous avons reçu votre demande {{requestId}}", """
                Bonjour {{recipientName}},

                Nous avons reçu votre demande ({{kind}}) le {{receivedOn}} et l'avons enregistrée sous {{requestId}}.
                Nous vous répondrons au plus tard le {{dueOn}}. S'il nous faut plus de temps, nous vous en
                expliquerons la raison avant cette date.
                """)
        case .reply:
            return ("À propos de votre demande {{requestId}}", """
                Bonjour {{recipientName}},

                """)
        case .verificationCode:
            return ("Votre code de vérification pour la demande {{requestId}} [{{requestId}}]", """
                Bonjour {{recipientName}},

                Pour confirmer que la demande {{requestId}} ({{kind}}) vient bien de vous, répondez à ce message avec
                ce code, ou communiquez-le à notre équipe :

                    {{verificationCode}}

                Il est valable 24 heures. Si vous ne nous avez rien demandé, ignorez ce message.
                """)
        case .verificationNeeded:
            return ("Merci de confirmer votre identité pour la demande {{requestId}}", """
                Bonjour {{recipientName}},

                Pour protéger vos données, nous devons nous assurer que la demande {{requestId}} ({{kind}}) vient bien
                de vous. Merci de répondre depuis l'adresse e-mail de votre compte, ou de nous indiquer le numéro de
                l'une de vos commandes. Nous ne vous demanderons jamais de mot de passe ni de données de carte.
                """)
        case .extended:
            return ("Il nous faut plus de temps pour la demande {{requestId}}", """
                Bonjour {{recipientName}},

                Il nous faut plus de temps pour répondre à votre demande {{requestId}} ({{kind}}), reçue le
                {{receivedOn}}. Le nouveau délai est le {{extendedUntil}}.
                La raison : {{extensionReason}}
                """)
        case .accessReady:
            return ("Vos données sont prêtes : demande {{requestId}}", """
                Bonjour {{recipientName}},

                La copie de vos données personnelles que vous avez demandée (demande {{requestId}}) est prête.
                Pour votre protection, elle n'est pas jointe à ce message. Elle est conservée pour vous ici :
                {{exportLocation}}
                et nous vous la remettrons par un canal sûr dès que vous nous confirmerez vouloir la recevoir.
                La copie indique aussi à quelles fins nous utilisons vos données, qui les reçoit, d'où elles
                proviennent et combien de temps nous les conservons.
                """)
        case .rectificationDone:
            return ("Vos données ont été rectifiées : demande {{requestId}}", """
                Bonjour {{recipientName}},

                Comme vous l'avez demandé (demande {{requestId}}), nous avons rectifié : {{correctedFields}}.
                Nous avons également informé ceux qui ont reçu ces données de notre part, dans la mesure du
                possible.
                """)
        case .erasureDone:
            return ("Vos données ont été effacées : demande {{requestId}}", """
                Bonjour {{recipientName}},

                Comme vous l'avez demandé (demande {{requestId}}), nous avons effacé les données personnelles que
                nous détenions sur vous. La loi nous oblige à conserver certains documents pendant un temps ; ils
                sont conservés, puis anonymisés :
                {{retainedItems}}
                Nous avons également informé ceux qui ont reçu vos données de notre part, dans la mesure du
                possible.
                """)
        case .consentWithdrawn:
            return ("Votre consentement a été retiré : demande {{requestId}}", """
                Bonjour {{recipientName}},

                Comme vous l'avez demandé (demande {{requestId}}), nous avons retiré votre consentement pour :
                {{withdrawnPurposes}}.
                Désormais, nous n'utilisons plus vos données à ces fins.
                """)
        case .rejected:
            return ("Votre demande {{requestId}}", """
                Bonjour {{recipientName}},

                Nous ne pouvons pas donner suite à votre demande {{requestId}} ({{kind}}), reçue le {{receivedOn}}.
                La raison : {{reason}}

                Si vous n'êtes pas d'accord, vous avez le droit d'introduire une réclamation auprès d'une autorité
                de contrôle :
                {{authority}}
                Vous pouvez également former un recours juridictionnel.
                """)
        case .noDataHeld:
            return ("Votre demande {{requestId}}", """
                Bonjour {{recipientName}},

                Nous avons recherché des données personnelles vous concernant pour répondre à votre demande
                {{requestId}} ({{kind}}), reçue le {{receivedOn}}, et nous n'en détenons aucune : ni compte, ni
                commande, ni autre enregistrement avec les coordonnées que vous nous avez données. Il n'y a donc rien
                à copier ni à effacer. Si vous avez utilisé chez nous une autre adresse e-mail ou un autre numéro de
                téléphone, indiquez-le-nous et nous chercherons à nouveau.
                """)
        case .cancelled:
            return ("Votre demande {{requestId}} a été clôturée", """
                Bonjour {{recipientName}},

                Nous avons clôturé votre demande {{requestId}} ({{kind}}) sans y donner suite.
                La raison : {{reason}}
                Vous pouvez faire une nouvelle demande à tout moment.
                """)
        case .breachNotice:
            return ("Une violation de vos données personnelles chez {{shopName}}", """
                Bonjour {{recipientName}},

                Nous devons vous informer d'une violation qui concerne vos données personnelles :
                {{breachDescription}}
                Les données concernées : {{breachCategories}}.
                Nous avons pris des mesures pour y mettre fin et en limiter les effets. Méfiez-vous des messages
                inattendus qui vous demandent vos coordonnées. Vous avez le droit d'introduire une réclamation auprès
                d'une autorité de contrôle.
                """)
        case .authorityDisclosure:
            return ("Nous avons transmis certaines de vos données à une autorité", """
                Bonjour {{recipientName}},

                La loi nous a obligés à transmettre à {{authorityName}} certaines de vos données personnelles :
                {{disclosedFields}}.
                Vous pouvez nous demander une copie de tout ce que nous détenons sur vous, y compris cette
                transmission.
                """)
        case .policyChanged:
            return ("Notre politique de confidentialité change le {{policyEffectiveOn}}", """
                Bonjour {{recipientName}},

                Vous avez accepté d'avoir de nos nouvelles, c'est pourquoi nous vous informons : notre politique de
                confidentialité {{policyVersion}} entre en vigueur le {{policyEffectiveOn}} et modifie les fins pour
                lesquelles nous utilisons vos données. Ce qui change : {{policySummary}}
                Vous pouvez retirer votre consentement à tout moment en répondant à ce message.
                """)
        }
    }
}
