package se.samla.web.internal;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

import se.samla.directory.Directory;
import se.samla.entra.ClientAssertions;
import se.samla.entra.EntraProperties;
import se.samla.entra.EntraRegistrations;
import se.samla.web.WebProperties;

/**
 * The web pages' parts and their protection: CSRF tokens on every form, a strict
 * Content-Security-Policy (nothing but Samla's own files; no inline script or style), no
 * referrer (a link's token is in the address), no framing; session cookies HttpOnly,
 * SameSite=Lax and Secure when Samla is served over https. Everything else (the JSON API
 * with its operator token, Teams' endpoint, actuator) keeps its own access rules and gets
 * neither sessions nor CSRF.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self';"
			+ " frame-ancestors 'none'; base-uri 'none'";

	@Bean
	JdbcAnswerLinks answerLinks(JdbcClient jdbc, WebProperties properties, Clock clock) {
		return new JdbcAnswerLinks(jdbc, properties, clock);
	}

	@Bean
	SignIn signIn(JdbcClient jdbc, Directory directory, WebProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		return new SignIn(jdbc, directory, properties, events, clock);
	}

	@Bean
	LeadAudit leadAudit(JdbcClient jdbc, Clock clock) {
		return new LeadAudit(jdbc, clock);
	}

	@Bean
	LeadSessions leadSessions(LeadAudit audit) {
		return new LeadSessions(audit);
	}

	@Bean
	EntraSignIn entraSignIn(EntraRegistrations registrations, EntraProperties entra, WebProperties web,
			Directory directory, ClientAssertions assertions) {
		return new EntraSignIn(registrations, entra, web, directory, assertions);
	}

	@Bean
	GuessLimiter guessLimiter(WebProperties properties, Clock clock) {
		return new GuessLimiter(properties, clock);
	}

	/**
	 * What only a servlet web server needs (operator commands and tests without one have
	 * the links, not the pages).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Pages {

		/**
		 * With a tenant whose people sign in with Microsoft, Spring Security's OpenID
		 * Connect login (authorization code with PKCE, state and nonce, the ID token
		 * checked against the tenant's keys), under {@code /logga-in/oauth2/}; without
		 * one, nothing of it. The access token is not kept: Samla calls nothing on the
		 * person's behalf.
		 */
		@Bean
		@Order(1)
		SecurityFilterChain pages(HttpSecurity http, EntraSignIn entra, SignIn signIn, Directory directory,
				LeadAudit audit, LeadSessions sessions) throws Exception {
			AccessDeniedHandlerImpl expired = new AccessDeniedHandlerImpl();
			expired.setErrorPage("/webb/formularet-gick-ut");
			if (entra.enabled()) {
				EntraSignInOutcome outcome = new EntraSignInOutcome(sessions);
				RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
				tokens.addParametersConverter(entra::clientAssertion);
				http.oauth2Login(login -> login.loginPage("/logga-in")
					.clientRegistrationRepository(entra)
					.authorizedClientRepository(new ForgottenClients())
					.authorizationEndpoint(endpoint -> endpoint.baseUri(EntraSignIn.AUTHORIZATION))
					.redirectionEndpoint(endpoint -> endpoint.baseUri(EntraSignIn.REDIRECTION + "*"))
					.tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokens))
					.userInfoEndpoint(
							endpoint -> endpoint.oidcUserService(new EntraLeads(entra, signIn, directory, audit)))
					.successHandler(outcome)
					.failureHandler(outcome)
					.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {

						@Override
						public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
							// a start that fails (the discovery document) ends on the
							// same page, not in a bare 500
							filter.setAuthenticationFailureHandler(outcome);
							return filter;
						}

					}));
			}
			return http
				.securityMatcher("/svar/**", "/webb/**", "/logga-in", "/logga-in/**", "/logga-ut", "/projektledning",
						"/projektledning/**")
				.authorizeHttpRequests(requests -> requests.requestMatchers("/projektledning", "/projektledning/**")
					.hasAuthority(LeadPages.ROLE)
					.anyRequest()
					.permitAll())
				.csrf(Customizer.withDefaults())
				.logout(logout -> logout.logoutUrl("/logga-ut").logoutSuccessUrl("/logga-in?utloggad"))
				.exceptionHandling(handling -> handling.accessDeniedHandler(expired)
					.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/logga-in")))
				.requestCache(cache -> cache.disable())
				.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
					.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
					.frameOptions(frames -> frames.deny()))
				.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.csrf(csrf -> csrf.disable())
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.build();
		}

		@Bean
		ServletContextInitializer sessionCookies(WebProperties properties) {
			return context -> {
				context.getSessionCookieConfig().setHttpOnly(true);
				context.getSessionCookieConfig().setSecure(properties.baseUrl().startsWith("https:"));
				context.getSessionCookieConfig().setAttribute("SameSite", "Lax");
			};
		}

		/**
		 * The language of a page: the person's own, as the answer pages set it; otherwise
		 * what the browser asks for, Swedish by default.
		 */
		@Bean
		LocaleResolver localeResolver() {
			return new LocaleResolver() {

				@Override
				public Locale resolveLocale(HttpServletRequest request) {
					Object chosen = request.getAttribute(AnswerPages.LOCALE);
					if (chosen instanceof Locale locale) {
						return locale;
					}
					String header = request.getHeader("Accept-Language");
					return (header != null && header.toLowerCase(Locale.ROOT).startsWith("en")) ? Locale.ENGLISH
							: Locale.forLanguageTag("sv");
				}

				@Override
				public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
					request.setAttribute(AnswerPages.LOCALE, locale);
				}

			};
		}

	}

}
