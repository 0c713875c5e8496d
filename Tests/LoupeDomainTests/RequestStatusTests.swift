import LoupeDomain
import Testing

@Suite struct RequestStatusTests {
    @Test func closedStatusesEndARequest() {
        #expect(RequestStatus.closed == [.completed, .rejected, .cancelled])
        #expect(RequestStatus.allCases.filter(\.isOpen) == [.received, .verifying, .inProgress, .awaitingApproval, .approved])
    }

    @Test func consentWithdrawalNeverWaitsForIdentity() {
        #expect(!RequestKind.consentWithdrawal.requiresIdentityVerification)
        #expect(RequestKind.allCases.filter(\.requiresIdentityVerification) == [.access, .rectification, .erasure])
    }

    @Test func errorsCarryCodeMessageAndCause() {
        struct Underlying: Error, CustomStringConvertible { var description: String { "disk full" } }
        let error = LoupeError(.storage, "Could not write the database.", cause: Underlying())
        #expect(error.code == .storage)
        #expect(error.description == "Could not write the database. (disk full)")
    }
}
