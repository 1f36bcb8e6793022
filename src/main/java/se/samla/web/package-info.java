/**
 * The web: a person's own answer pages, opened by the personal link every invitation,
 * reminder and clarification carries. Server-side rendered (Thymeleaf), usable without
 * JavaScript, Swedish or English as the person chose, meeting WCAG 2.1 AA. Answers go
 * through the same response engine as Teams and email, with channel {@code WEB}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package se.samla.web;
