package io.strangler.contracts.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

class ShopProblemHandlerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Endpoints())
            .setControllerAdvice(new ShopProblemHandler()).build();

    @Test
    void shouldRenderAShopProblemWithItsFieldErrors() throws Exception {
        mvc.perform(get("/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.title").value("Validation failed"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("size: must be between 1 and 100"))
                .andExpect(jsonPath("$.instance").value("/invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 100"));
    }

    @Test
    void shouldLeaveOutEmptyErrors() throws Exception {
        mvc.perform(get("/missing"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("Order 5 does not exist"))
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void shouldAnswerAnUnexpectedExceptionAsInternalErrorWithoutItsMessage() throws Exception {
        mvc.perform(get("/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("/problems/internal-error"))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(jsonPath("$.detail").value("The request could not be completed"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))));
    }

    @Test
    void shouldLeaveExceptionsWithTheirOwnStatusToSpring() throws Exception {
        mvc.perform(get("/teapot")).andExpect(status().isIAmATeapot());
    }

    @RestController
    static class Endpoints {

        @GetMapping("/invalid")
        String invalid() {
            throw new ShopProblem(ProblemType.VALIDATION_FAILED, "size: must be between 1 and 100",
                    List.of(new InvalidField("size", "must be between 1 and 100")));
        }

        @GetMapping("/missing")
        String missing() {
            throw ShopProblem.notFound("Order", 5);
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("secret connection string");
        }

        @GetMapping("/teapot")
        String teapot() {
            throw new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT);
        }
    }
}
