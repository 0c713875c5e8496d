/// English messages of the labelled set: `label|subject|body`, `\n` for a line break, `-` for "no request".
extension LabelledMail {
    static let english = #"""
erasure|Delete my account|Hi, please delete my account and all the data you have about me. Thanks, Ann
erasure|Right to be forgotten|I am exercising my right to be forgotten under the GDPR. Please confirm when done.
erasure||Could you erase all my personal data from your systems? I no longer shop with you.
erasure|GDPR request|I'd like my account closed and my details removed from your database.
erasure|Remove my data|Please remove my data. I bought a ring last year but don't want to be in your records.
erasure|Account deletion|Hello,\nI want my customer account deleted, including my order history where the law allows.\nRegards,\nPeter
erasure|please forget me|forget me please. no more jewelry, no more emails, nothing. delete everything.
erasure|Article 17 request|Under Article 17 GDPR I request erasure of all personal data relating to me.
erasure|Data removal|Please wipe my information from your site, I never want to hear from you again.
erasure|Close account|Please close my account and erase my details. My email is the one I am writing from.
erasure||Delete me from everything: account, newsletter, order records if you can.
erasure|Re: your order 1043|I have decided I do not want an account with you any more. Please delete my profile.\n\n> On Mon, 2 Mar 2026, Jewelry Deal Shop wrote:\n> Your order has shipped.
erasure|Erasure request for my daughter|I am writing as the mother of Emma (14). Please delete her account and all data about her.
consent-withdrawal|Unsubscribe|Unsubscribe me please.
consent-withdrawal|Stop the marketing|Please stop sending me marketing emails. I still want order updates.
consent-withdrawal||I withdraw my consent to receive newsletters and to analytics cookies.
consent-withdrawal|No more newsletters|no more newsletters please, three a week is too many
consent-withdrawal|Opt out|I want to opt out of all promotional mail and of data sharing for marketing.
consent-withdrawal|Withdrawal of consent|I hereby withdraw the consent I gave when I created my account for marketing purposes.
consent-withdrawal|Please stop|Stop sending me your newsletter. I never signed up for it.
consent-withdrawal|Marketing consent|I revoke my consent for marketing, effective immediately.
consent-withdrawal|Re: Spring sale|Please unsubscribe me from this list.\n\n> Spring sale: 20% off all rings!
consent-withdrawal|remove me from your mailing list|Please stop the newsletter, I am not interested any more.
rectification|Wrong address on my account|My address on file is wrong, it should be 12 Elm Street, Leeds.
rectification|Correct my name|Please correct my name: it is Catherine, not Katherine.
rectification|Update my email|Could you update my email address to ann.new@example.com?
rectification|Rectification request|I request rectification of my date of birth, it is 3 May 1988.
rectification||My phone number is outdated, please change it to 07700 900123.
rectification|Name misspelled|My surname is misspelled in your records, it should be O'Brien.
rectification|Update my details|I moved house. Please change my address to 4 Rue Neuve, Brussels.
access|Subject access request|This is a subject access request. Please send me a copy of all data you hold about me.
access|What data do you have?|What data do you hold about me and who have you shared it with?
access|Copy of my data|Hi, could I get a copy of my data? Thank you.
access|Article 15|Under Article 15 GDPR please tell me what personal data you process about me.
access|Data portability|I would like to exercise my right to data portability and download my data.
access||Can you export my data for me? I want to see what you have.
access|My data|Which data about me is stored in your systems?
access|Access to my personal information|Please give me access to my personal information.
-|Where is my order?|I ordered a silver bracelet two weeks ago and it still has not arrived. Order 1187.
-|Accessories|Do you sell accessories for the charm bracelet, like extra clasps?
-|Refund|The ring was too small. I sent it back, when do I get my refund?
-|Successful payment?|Was my payment successful? The page showed an error but my bank was charged.
-|Exporter enquiry|We are an exporter of pearls from Japan and would like to offer you our catalogue.
-|Broken clasp|The clasp of my necklace broke after two days. I am very disappointed.
-|Engraving|Can you remove the engraving from the order before it ships? I changed my mind about the text.
-|Invoice|Please send me an invoice for order 1203, my company needs it.
-|Your weekly picks|New in: 40 rings under 50 euros!\nShop now at https://shop.example.com\nTo unsubscribe click here: https://shop.example.com/unsub\n© 2026 Example Ltd. All rights reserved.
-|You have won!|Congratulations! You have won an iPhone. Claim your prize now, only today!
-|Urgent business proposal|Dear friend, I am a banker with 15 million dollars to transfer. Reply with your details.
-|Can't log in|I cannot access my account, the password reset email never comes. Can you help?
-|Gift wrapping|Do you offer gift wrapping for Christmas orders?
-|Delivery address|Can I pick up the order in the shop instead of having it delivered?
-|Thank you|Just wanted to say the earrings are beautiful, thank you!
-|Wholesale|Do you sell wholesale? We run a boutique in Dublin.
"""#
}
