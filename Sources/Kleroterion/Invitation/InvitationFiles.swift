import Foundation

/// Pass 2 and the output files of the invitation lottery.
public enum InvitationFiles {
    /// `invitations.csv` (the register's header and the rows that got a letter, all columns, in register order),
    /// `invitations-report.md` (in `language`) and `invitations-report.json`, queued on `files` (written all or nothing
    /// by `commit`).
    public static func add(_ outcome: InvitationOutcome, language: ReportLanguage = .nl, to files: inout OutputFiles) throws {
        let csv = Data(try RegisterRows(path: outcome.registerPath).copy(rows: outcome.invitedRows))
        let report = InvitationReport(outcome)
        files.add("invitations.csv", data: csv)
        files.add("invitations-report.md", report.markdown(language: language))
        files.add("invitations-report.json", report.json())
    }
}
