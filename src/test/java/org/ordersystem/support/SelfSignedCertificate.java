package org.ordersystem.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.PropertySourceFactory;

/**
 * A self-signed certificate and its key as PEM files, made once per run with openssl from the
 * subject in its properties file, and offered to a test context as SSL_CERT_PATH and
 * SSL_KEY_PATH; {@link #certificate()} is the file a client trusts.
 */
public final class SelfSignedCertificate implements PropertySourceFactory {

    private static Path directory;

    /** The certificate (PEM), once a context has been given it. */
    public static synchronized Path certificate() {
        if (directory == null) {
            throw new IllegalStateException("No test context has asked for the certificate yet");
        }
        return directory.resolve("cert.pem");
    }

    /** An HTTP client that trusts the certificate (and nothing else). */
    public static HttpClient trustingClient() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream pem = Files.newInputStream(certificate())) {
                trust.setCertificateEntry("self-signed", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public PropertySource<?> createPropertySource(String name, EncodedResource resource) throws IOException {
        Path made = make(PropertiesLoaderUtils.loadProperties(resource));
        return new MapPropertySource("selfSignedCertificate", Map.of("SSL_CERT_PATH", made.resolve("cert.pem")
                .toString(), "SSL_KEY_PATH", made.resolve("key.pem").toString()));
    }

    private static synchronized Path make(Properties subject) {
        if (directory != null) {
            return directory;
        }
        try {
            Path made = Files.createTempDirectory("order-backend-tls");
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                    subject.getProperty("days"), "-subj", subject.getProperty("subject"), "-addext",
                    "subjectAltName=" + subject.getProperty("subjectAltName"), "-keyout",
                    made.resolve("key.pem").toString(), "-out", made.resolve("cert.pem").toString())
                    .redirectErrorStream(true).start();
            String output = new String(openssl.getInputStream().readAllBytes());
            if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IllegalStateException("openssl could not make the test certificate: " + output);
            }
            made.toFile().deleteOnExit();
            made.resolve("key.pem").toFile().deleteOnExit();
            made.resolve("cert.pem").toFile().deleteOnExit();
            directory = made;
            return made;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
