package se.samla.ops;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With an operator token configured, the JSON endpoints need it, even from this machine.
 */
@SpringBootTest(properties = "samla.operator.token=s3cret-test-token")
@AutoConfigureMockMvc
class OperatorTokenTests {

	@Autowired
	MockMvc mvc;

	@Test
	void requiresTheConfiguredBearerToken() throws Exception {
		this.mvc.perform(get("/api/send-outs")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/send-outs").header("Authorization", "Bearer wrong"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/send-outs").header("Authorization", "Bearer s3cret-test-token"))
			.andExpect(status().isOk());
	}

	@Test
	void leavesTheHealthEndpointOpen() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

}
