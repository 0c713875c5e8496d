extension RecordOfProcessing {
    /// The record as Markdown: one section per category, then the processors and the disclosures.
    public var markdown: String {
        var lines = [
            "# Record of processing activities (GDPR Art. 30)", "",
            "Controller: \(controller). Contact: \(contact).", "", "## Processing activities", "",
        ]
        for activity in activities {
            lines.append("### \(activity.category)")
            lines.append("- Purposes: \(activity.purposes.joined(separator: "; "))")
            lines.append("- Legal basis: \(activity.legalBasis)")
            lines.append(
                "- Recipients: \(activity.recipients.isEmpty ? "none" : activity.recipients.joined(separator: ", "))")
            lines.append("- Retention: \(activity.retention.joined(separator: "; "))")
            lines.append("- Tables: \(activity.tables.joined(separator: ", "))")
            lines.append("")
        }
        lines += ["## Processors", ""]
        if processors.isEmpty { lines.append("None listed (loupe processors add).") }
        for processor in processors {
            lines.append(
                "- \(TextRules.inert(processor.name)) (\(processor.kind.rawValue)): "
                    + "\(TextRules.inert(processor.purpose)); contact \(TextRules.inert(processor.contact)); "
                    + "agreement of \(processor.agreementDate)")
        }
        lines += ["", "## Disclosures", ""]
        if disclosures.isEmpty { lines.append("None recorded.") }
        for summary in disclosures {
            lines.append(
                "- \(summary.recipientKind.phrase) \(TextRules.inert(summary.recipient)): \(summary.count) "
                    + "(\(DisclosureField.listText(summary.fields)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
