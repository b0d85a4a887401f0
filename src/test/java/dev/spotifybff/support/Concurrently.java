package dev.spotifybff.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/** Fires GETs at the same moment (released together by a latch), as racing browser tabs would. */
public final class Concurrently {

    private Concurrently() {
    }

    /** GETs each URL once with the session cookie and X-CSRF, all released at once; the statuses in order. */
    public static List<Integer> get(String sessionCookie, List<String> urls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(urls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (String url : urls) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return RestAssured.given().cookie("bff_session", sessionCookie).header("X-CSRF", "1")
                            .get(url).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    public static List<String> times(int n, String url) {
        return java.util.Collections.nCopies(n, url);
    }
}
