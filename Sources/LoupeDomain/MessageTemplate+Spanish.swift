extension MessageTemplate {
    static let spanishSignature = """


        Si tiene alguna pregunta, responda a este mensaje o escriba a {{privacyEmail}} indicando {{requestId}}.

        El equipo de privacidad de {{shopName}}
        """

    static let spanishNoticeSignature = """


        Si tiene alguna pregunta, responda a este mensaje o escriba a {{privacyEmail}}.

        El equipo de privacidad de {{shopName}}
        """

    /// The Spanish subject and body of `event`.
    static func spanishText(_ event: MessageEvent) -> (String, String) {
        switch event {
        case .received:
            return ("Hemos recibido su solicitud de privacidad {{requestId}}", """
                Estimado/a {{recipientName}}:

                Hemos recibido su solicitud ({{kind}}) el {{receivedOn}} y la hemos registrado como {{requestId}}.
                Le responderemos a más tardar el {{dueOn}}. Si necesitamos más tiempo, le explicaremos el motivo
                antes de esa fecha.
                """)
        case .reply:
            return ("Sobre su solicitud de privacidad {{requestId}}", """
                Estimado/a {{recipientName}}:

                """)
        case .verificationCode:
            return ("Su código de verificación para la solicitud {{requestId}} [{{requestId}}]", """
                Estimado/a {{recipientName}}:

                Para confirmar que la solicitud {{requestId}} ({{kind}}) procede de usted, responda a este mensaje
                con este código o comuníqueselo a nuestro equipo:

                    {{verificationCode}}

                El código es válido durante 24 horas. Si no nos ha solicitado nada, ignore este mensaje.
                """)
        case .verificationNeeded:
            return ("Confirme su identidad para la solicitud {{requestId}}", """
                Estimado/a {{recipientName}}:

                Para proteger sus datos, debemos asegurarnos de que la solicitud {{requestId}} ({{kind}}) procede de
                usted. Responda desde la dirección de correo electrónico de su cuenta o indíquenos el número de uno
                de sus pedidos. Nunca le pediremos una contraseña ni los datos de su tarjeta.
                """)
        case .extended:
            return ("Necesitamos más tiempo para la solicitud {{requestId}}", """
                Estimado/a {{recipientName}}:

                Necesitamos más tiempo para responder a su solicitud {{requestId}} ({{kind}}), recibida el
                {{receivedOn}}. El nuevo plazo es el {{extendedUntil}}.
                El motivo: {{extensionReason}}
                """)
        case .accessReady:
            return ("Sus datos están listos: solicitud {{requestId}}", """
                Estimado/a {{recipientName}}:

                La copia de sus datos personales que solicitó en la solicitud {{requestId}} está lista.
                Para su protección, no se adjunta a este mensaje. La guardamos para usted en:
                {{exportLocation}}
                y se la entregaremos por un canal seguro en cuanto nos confirme que desea recibirla.
                La copia indica también para qué usamos sus datos, quién los recibe, de dónde proceden y durante
                cuánto tiempo los conservamos.
                """)
        case .rectificationDone:
            return ("Sus datos han sido rectificados: solicitud {{requestId}}", """
                Estimado/a {{recipientName}}:

                Tal como pidió en la solicitud {{requestId}}, hemos rectificado: {{correctedFields}}.
                También hemos informado a quienes recibieron estos datos de nosotros, en la medida de lo posible.
                """)
        case .erasureDone:
            return ("Sus datos han sido suprimidos: solicitud {{requestId}}", """
                Estimado/a {{recipientName}}:

                Tal como pidió en la solicitud {{requestId}}, hemos suprimido los datos personales que teníamos sobre
                usted. La ley nos obliga a conservar algunos registros durante un tiempo; se conservan y después se
                anonimizan:
                {{retainedItems}}
                También hemos informado a quienes recibieron sus datos de nosotros, en la medida de lo posible.
                """)
        case .consentWithdrawn:
            return ("Su consentimiento ha sido retirado: solicitud {{requestId}}", """
                Estimado/a {{recipientName}}:

                Tal como pidió en la solicitud {{requestId}}, hemos retirado su consentimiento para:
                {{withdrawnPurposes}}.
                A partir de ahora ya no utilizamos sus datos para estos fines.
                """)
        case .rejected:
            return ("Su solicitud de privacidad {{requestId}}", """
                Estimado/a {{recipientName}}:

                No podemos atender su solicitud {{requestId}} ({{kind}}), recibida el {{receivedOn}}.
                El motivo: {{reason}}

                Si no está de acuerdo, tiene derecho a presentar una reclamación ante una autoridad de control:
                {{authority}}
                También puede ejercer acciones judiciales.
                """)
        case .noDataHeld:
            return ("Su solicitud de privacidad {{requestId}}", """
                Estimado/a {{recipientName}}:

                Hemos buscado datos personales sobre usted para responder a su solicitud {{requestId}} ({{kind}}),
                recibida el {{receivedOn}}, y no tenemos ninguno: ni cuenta, ni pedidos, ni ningún otro registro con
                los datos que nos indicó. Por tanto, no hay nada que copiar ni que suprimir. Si utilizó con nosotros
                otra dirección de correo o otro número de teléfono, indíquenoslo y volveremos a buscar.
                """)
        case .cancelled:
            return ("Su solicitud de privacidad {{requestId}} ha sido cerrada", """
                Estimado/a {{recipientName}}:

                Hemos cerrado su solicitud {{requestId}} ({{kind}}) sin llevarla a cabo.
                El motivo: {{reason}}
                Puede presentar una nueva solicitud en cualquier momento.
                """)
        case .breachNotice:
            return ("Una violación de seguridad de sus datos personales en {{shopName}}", """
                Estimado/a {{recipientName}}:

                Debemos informarle de una violación de la seguridad que afecta a sus datos personales:
                {{breachDescription}}
                Los datos afectados: {{breachCategories}}.
                Hemos tomado medidas para detenerla y limitar sus efectos. Desconfíe de mensajes inesperados que le
                pidan sus datos. Tiene derecho a presentar una reclamación ante una autoridad de control.
                """)
        case .authorityDisclosure:
            return ("Hemos facilitado algunos de sus datos a una autoridad", """
                Estimado/a {{recipientName}}:

                La ley nos obligó a facilitar a {{authorityName}} algunos de sus datos personales: {{disclosedFields}}.
                Puede pedirnos una copia de todo lo que tenemos sobre usted, incluida esta comunicación.
                """)
        case .policyChanged:
            return ("Nuestra política de privacidad cambia el {{policyEffectiveOn}}", """
                Estimado/a {{recipientName}}:

                Usted aceptó recibir noticias nuestras, por eso le informamos: nuestra política de privacidad
                {{policyVersion}} entra en vigor el {{policyEffectiveOn}} y cambia los fines para los que usamos sus
                datos. Qué cambia: {{policySummary}}
                Puede retirar su consentimiento en cualquier momento respondiendo a este mensaje.
                """)
        }
    }
}
