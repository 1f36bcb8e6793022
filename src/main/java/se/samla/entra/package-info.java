/**
 * Microsoft Entra ID as Samla meets it in a county of many tenants: the app registrations
 * (one per tenant, with a client secret or a certificate), and the access tokens they get
 * by the client-credentials flow for the Bot Connector, Microsoft Graph and Exchange
 * Online, cached and renewed before they expire. A registration whose token Entra refuses
 * is remembered with Entra's reason, so operators see it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Microsoft Entra")
package se.samla.entra;
