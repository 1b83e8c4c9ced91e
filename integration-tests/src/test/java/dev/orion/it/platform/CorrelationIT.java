package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.InjectedFailure;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.ServerLog;
import dev.orion.it.support.TestData;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One id follows a request (or the job it started) through its answer and its JSON log lines. */
@ExtendWith(ArquillianExtension.class)
class CorrelationIT extends OrionDeployment {

    @Test
    void anUnexpectedErrorAnswersWithTheCallersIdWhichIsOnItsJsonLogLines() {
        var vendor = ApiSession.newVendor("corr");
        String id = TestData.unique("req");
        var answer = InjectedFailure.refusedProductPut(vendor, "corr", id);

        assertEquals(500, answer.statusCode(), answer.body());
        assertEquals(id, answer.headers().firstValue("X-Request-Id").orElse(null));
        assertEquals(id, Http.json(answer).getString("correlation_id"), "the problem document quotes the same id");
        var error = Poll.until(Duration.ofSeconds(10), () -> ServerLog.withCorrelation(id).stream()
                .filter(r -> r.getString("message").contains("Unexpected error, correlation id " + id)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertEquals("SEVERE", error.getString("level"), "java.util.logging's name for an error");
        assertTrue(error.getString("stackTrace").contains("injected failure"), "the stack trace is on the same line: " + error);
    }

    @Test
    void everyAnswerCarriesAnIdAndAnUnsafeOneIsReplaced() {
        var vendor = ApiSession.newVendor("corrid");

        String generated = vendor.get("/me").headers().firstValue("X-Request-Id").orElseThrow();
        String replaced = vendor.get("/me", "X-Request-Id", "two words\" injected").headers().firstValue("X-Request-Id").orElseThrow();

        assertTrue(generated.matches("[0-9a-f-]{36}"), generated);
        assertNotEquals("two words\" injected", replaced);
        assertTrue(replaced.matches("[0-9a-f-]{36}"), replaced);
        assertTrue(Http.plain().get(Http.BASE + "/console/login").headers().firstValue("X-Request-Id").isPresent(), "the console too");
    }

    @Test
    void aJobsLogLinesCarryTheIdOfTheRequestThatStartedItWithTheJobsNameAndExecution() {
        var vendor = ApiSession.newVendor("corrjob");
        String id = TestData.unique("upload");

        var accepted = vendor.send("POST", "/imports", "text/tab-separated-values", "id\ttitle\tprice\tavailability\nC-1\tOne\t1.00 EUR\tin_stock\n",
                "X-Request-Id", id);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(ApiSession.path(location))), JobStatus::ended);

        var ended = Poll.until(Duration.ofSeconds(10), () -> ServerLog.withCorrelation(id).stream()
                .filter(r -> r.getString("message").startsWith("Job product-import execution ")).toList(), l -> !l.isEmpty()).get(0);
        var mdc = ended.getJsonObject("mdc");
        assertEquals("product-import", mdc.getString("job_name"), ended.toString());
        assertTrue(ended.getString("message").startsWith("Job product-import execution " + mdc.getString("job_execution_id") + " COMPLETED"), ended.toString());
    }
}
