package dev.spotifybff.nativeimage;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.CipherSuiteFilter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextOption;
import io.netty.handler.ssl.SslProvider;

/**
 * Native image only (the JVM ignores these classes). Netty 4.1.136 added an overload of
 * SslContext.newClientContextInternal (with startTls) that SslContextBuilder.build() now calls.
 * Quarkus 3.33.2 substitutes only the older overload, so with the Netty 4.1.137 that pom.xml pins
 * the image builder reached the OpenSSL client context and failed on the absent tcnative classes.
 * This is the JDK-provider path of the new overload, as Quarkus's own fix does it (quarkusio/quarkus
 * #55626, in 3.33.3.1): drop this class when Quarkus is upgraded past it.
 */
@TargetClass(className = "io.netty.handler.ssl.SslContext")
final class Target_SslContext_ClientWithStartTls {

    @Substitute
    @SuppressWarnings("unused") // startTls: the JDK client context has no use for it, as in Netty itself
    static SslContext newClientContextInternal(SslProvider provider, Provider sslContextProvider,
            X509Certificate[] trustCert, TrustManagerFactory trustManagerFactory, X509Certificate[] keyCertChain,
            PrivateKey key, String keyPassword, KeyManagerFactory keyManagerFactory, Iterable<String> ciphers,
            CipherSuiteFilter cipherFilter, ApplicationProtocolConfig apn, String[] protocols, long sessionCacheSize,
            long sessionTimeout, boolean startTls, boolean enableOcsp, SecureRandom secureRandom, String keyStoreType,
            String endpointIdentificationAlgorithm, Map.Entry<SslContextOption<?>, Object>... options)
            throws SSLException {
        if (enableOcsp) {
            throw new IllegalArgumentException("OCSP is not supported with this SslProvider: " + provider);
        }
        return (SslContext) (Object) new Target_JdkSslClientContext_WithResumption(sslContextProvider, trustCert,
                trustManagerFactory, keyCertChain, key, keyPassword, keyManagerFactory, ciphers, cipherFilter, apn,
                protocols, sessionCacheSize, sessionTimeout, secureRandom, keyStoreType,
                endpointIdentificationAlgorithm, new Target_ResumptionController_Default());
    }
}

@TargetClass(className = "io.netty.handler.ssl.JdkSslClientContext")
final class Target_JdkSslClientContext_WithResumption {

    @Alias
    @SuppressWarnings("unused")
    Target_JdkSslClientContext_WithResumption(Provider sslContextProvider, X509Certificate[] trustCertCollection,
            TrustManagerFactory trustManagerFactory, X509Certificate[] keyCertChain, PrivateKey key,
            String keyPassword, KeyManagerFactory keyManagerFactory, Iterable<String> ciphers,
            CipherSuiteFilter cipherFilter, ApplicationProtocolConfig apn, String[] protocols, long sessionCacheSize,
            long sessionTimeout, SecureRandom secureRandom, String keyStoreType, String endpointIdentificationAlgorithm,
            Target_ResumptionController_Default resumptionController) throws SSLException {
    }
}

@TargetClass(className = "io.netty.handler.ssl.ResumptionController")
final class Target_ResumptionController_Default {

    @Alias
    Target_ResumptionController_Default() {
    }
}
