/// Spanish messages of the labelled set: `label|subject|body`, `\n` for a line break, `-` for "no request".
extension LabelledMail {
    static let spanish = #"""
erasure|Borrar mis datos|Hola, por favor borren todos mis datos personales. Gracias.
erasure|Eliminar cuenta|Quiero eliminar mi cuenta y toda la información asociada.
erasure|Derecho al olvido|Ejerzo mi derecho al olvido según el RGPD. Confirmen cuando esté hecho.
erasure||Les solicito la supresión de mis datos personales de acuerdo con el artículo 17.
erasure|Supresión de datos|Por favor, supriman mi perfil y mis datos de su base de datos.
erasure|Cerrar mi cuenta|Quiero cerrar mi cuenta y que eliminen mis datos. Saludos, Lucía
erasure|Solicitud de supresión|Estimados señores:\nsolicito que borren mi cuenta de cliente.\nAtentamente,\nCarlos
erasure|Re: Su pedido|Por favor eliminen mis datos.\n\nEl 2 de marzo de 2026, Jewelry Deal Shop escribió:\n> Su pedido ha sido enviado.
erasure|Eliminación de datos|Deseo la eliminación de todos los datos que tienen sobre mí.
erasure||Soy el padre de Pablo, de 12 años. Borren por favor su cuenta y sus datos.
erasure|Borrado|Quiero que mis datos sean borrados por completo.
erasure|Baja definitiva|Por favor, eliminen mi cuenta, no quiero seguir siendo cliente.
consent-withdrawal|Darme de baja|Quiero darme de baja del boletín.
consent-withdrawal|Retirar consentimiento|Retiro mi consentimiento para el uso de mis datos con fines publicitarios.
consent-withdrawal|No quiero publicidad|No quiero recibir más publicidad por correo electrónico.
consent-withdrawal||Revoco el consentimiento que di para las cookies de análisis.
consent-withdrawal|Baja del newsletter|Por favor, denme de baja, dar de baja de la newsletter.
consent-withdrawal|Dejen de enviar publicidad|Dejen de enviarme publicidad, gracias.
consent-withdrawal|Revocación|Revoco mi consentimiento para marketing a partir de hoy.
consent-withdrawal|No me envíen más correos|No me envíen más correos promocionales.
consent-withdrawal|Darse de baja|¿Cómo puedo darme de baja de sus comunicaciones comerciales? Quiero darme de baja ya.
rectification|Dirección incorrecta|Mi dirección es incorrecta, la correcta es Calle Mayor 3, Madrid.
rectification|Rectificación de datos|Solicito la rectificación de mi nombre: es María José, no María.
rectification|Cambiar correo|¿Pueden cambiar mi correo electrónico a nuevo@example.es?
rectification||Mi fecha de nacimiento está mal, por favor corrijan: 5 de junio de 1985.
rectification|Actualizar teléfono|Por favor actualicen mi teléfono: 612 345 678.
rectification|Apellido erróneo|Mi apellido está escrito de forma errónea, por favor rectificar a Fernández.
access|Acceso a mis datos|Ejerzo mi derecho de acceso. Envíenme una copia de mis datos.
access|Copia de mis datos|¿Me pueden enviar una copia de mis datos personales?
access|¿Qué datos tienen?|¿Qué datos tienen sobre mí y con quién los han compartido?
access|Portabilidad|Solicito la portabilidad de mis datos en un formato legible.
access||Quiero saber qué datos guardan. Solicito acceso a mis datos según el artículo 15.
access|Derecho de acceso|Por la presente ejerzo el derecho de acceso a mis datos personales.
access|Solicitud de acceso|Quisiera obtener una copia de la información que guardan sobre mí.
-|¿Dónde está mi pedido?|Hice un pedido hace dos semanas y todavía no ha llegado.
-|Reclamación|El cierre de la pulsera se rompió a los dos días.
-|Reembolso|Devolví el anillo, ¿cuándo recibiré el reembolso?
-|Accesorios|¿Venden accesorios para las pulseras, como cierres de repuesto?
-|Grabado|¿Pueden quitar el grabado del anillo antes de enviarlo?
-|Factura|Necesito una factura con los datos de mi empresa para el pedido 1210.
-|Ofertas de primavera|¡Nuevos anillos desde 29 euros!\nCompra ya en https://tienda.example.es\nHaga clic aquí para darse de baja.\n© 2026 Ejemplo S.L. Todos los derechos reservados.
-|Ha ganado un premio|¡Enhorabuena! Ha ganado un viaje a Cancún. Responda con sus datos bancarios.
-|No puedo entrar|No puedo acceder a mi cuenta, la contraseña no funciona.
-|Envoltorio de regalo|¿Ofrecen envoltorio de regalo?
-|Gracias|Los pendientes son preciosos, ¡muchas gracias!
-|Venta al por mayor|Tenemos una joyería en Sevilla, ¿venden al por mayor?
-|Plazo de entrega|¿Cuánto tarda el envío a Canarias?
-|Talla del anillo|¿Puedo cambiar la talla del anillo después de comprarlo?
-|Pago rechazado|Mi pago con tarjeta fue rechazado, ¿qué hago?
"""#
}
