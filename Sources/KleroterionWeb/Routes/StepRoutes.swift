import Hummingbird

/// The steps after the register: quotas, invitations, registrations, commitment, draw, drop-outs, personal data,
/// and the public check of a draw.
struct StepRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        QuotaRoutes(services: services).add(to: router)
        InvitationRoutes(services: services).add(to: router)
        RegistrationRoutes(services: services).add(to: router)
        DrawRoutes(services: services).add(to: router)
        DropoutRoutes(services: services).add(to: router)
        PrivacyRoutes(services: services).add(to: router)
        VerifyRoutes(services: services).add(to: router)
    }
}
