/// French messages of the labelled set: `label|subject|body`, `\n` for a line break, `-` for "no request".
extension LabelledMail {
    static let french = #"""
erasure|Suppression de mes données|Bonjour, merci de supprimer toutes mes données personnelles.
erasure|Supprimer mon compte|Je souhaite supprimer mon compte client ainsi que mes informations.
erasure|Droit à l'oubli|J'exerce mon droit à l'oubli conformément au RGPD.
erasure||Je vous demande l'effacement de mes données au titre de l'article 17 du RGPD.
erasure|Effacement|Veuillez effacer mon profil et toutes les données me concernant.
erasure|Fermer mon compte|Merci de fermer mon compte et de supprimer mes coordonnées. Cordialement, Claire
erasure|Demande de suppression|Madame, Monsieur,\nje vous prie de supprimer mon compte.\nBien à vous,\nLuc
erasure|Re: Votre commande|Supprimez mes données s'il vous plaît.\n\nLe 2 mars 2026, Jewelry Deal Shop a écrit :\n> Votre commande a été expédiée.
erasure|Suppression|Je veux que mes données soient supprimées définitivement.
erasure||Je suis la mère de Léa, 14 ans. Merci de supprimer son compte et ses données.
erasure|Clôture du compte|Veuillez clôturer mon compte et effacer mes informations.
erasure|Effacer mes données|Effacez mes données de vos fichiers, je ne suis plus client.
consent-withdrawal|Désabonnement|Je souhaite me désabonner de la newsletter.
consent-withdrawal|Retrait du consentement|Je retire mon consentement à l'utilisation de mes données à des fins publicitaires.
consent-withdrawal|Plus de publicité|Je ne veux plus recevoir de publicité par e-mail.
consent-withdrawal||Je révoque le consentement donné pour les cookies d'analyse.
consent-withdrawal|Me désinscrire|Merci de me désinscrire de votre liste de diffusion.
consent-withdrawal|Arrêtez la newsletter|Arrêtez de m'envoyer votre newsletter, merci.
consent-withdrawal|Révocation|Je révoque mon consentement pour le marketing à compter d'aujourd'hui.
consent-withdrawal|Ne m'envoyez plus rien|Ne m'envoyez plus d'e-mails promotionnels.
consent-withdrawal|Retirer mon consentement|Je souhaite retirer mon consentement au marketing.
rectification|Adresse erronée|Mon adresse est erronée, la bonne est 8 rue de la Paix, Lyon.
rectification|Rectification|Je demande la rectification de mon nom : Dupont et non Dupond.
rectification|Changer mon e-mail|Pouvez-vous changer mon adresse e-mail en nouveau@example.fr ?
rectification||Ma date de naissance est incorrecte, merci de la corriger : 2 février 1979.
rectification|Téléphone à mettre à jour|Merci de modifier mon numéro de téléphone : 06 12 34 56 78.
rectification|Nom mal orthographié|Pourriez-vous rectifier l'orthographe de mon nom ? C'est Lefèvre.
access|Accès à mes données|J'exerce mon droit d'accès. Envoyez-moi une copie de mes données.
access|Copie de mes données|Pouvez-vous m'envoyer une copie de mes données personnelles ?
access|Quelles données ?|Quelles données détenez-vous sur moi et à qui les avez-vous transmises ?
access|Portabilité|Je demande la portabilité de mes données.
access||Je voudrais obtenir mes données, au titre de l'article 15 du RGPD.
access|Droit d'accès|Par la présente, j'exerce mon droit d'accès à mes informations.
access|Demande d'accès|Je souhaite avoir accès aux données que vous traitez à mon sujet.
-|Où est ma commande ?|J'ai commandé un collier il y a deux semaines et il n'est toujours pas arrivé.
-|Réclamation|Le fermoir de mon bracelet s'est cassé au bout de deux jours.
-|Remboursement|J'ai renvoyé la bague, quand serai-je remboursé ?
-|Accessoires|Vendez-vous des accessoires pour les bracelets à breloques ?
-|Gravure|Pouvez-vous enlever la gravure avant l'expédition ?
-|Facture|Merci de m'envoyer une facture au nom de ma société pour la commande 1211.
-|Nouveautés|Nouvelles bagues dès 29 euros !\nDécouvrez-les sur https://boutique.example.fr\nCliquez ici pour vous désabonner.\n© 2026 Exemple SARL. Tous droits réservés.
-|Vous avez gagné|Félicitations ! Vous avez gagné une tablette. Envoyez vos coordonnées bancaires.
-|Connexion impossible|Je n'arrive pas à accéder à mon compte, le mot de passe ne marche pas.
-|Emballage cadeau|Proposez-vous un emballage cadeau ?
-|Merci|Les boucles d'oreilles sont magnifiques, merci beaucoup !
-|Vente en gros|Nous tenons une bijouterie à Lille, vendez-vous en gros ?
-|Délai de livraison|Combien de temps faut-il pour une livraison en Belgique ?
-|Taille de la bague|Puis-je changer la taille de la bague après l'achat ?
-|Paiement refusé|Mon paiement par carte a été refusé, que faire ?
"""#
}
