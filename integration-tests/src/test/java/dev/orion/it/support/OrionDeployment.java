package dev.orion.it.support;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** Integration tests deploy the EAR the build produced, exactly as users get it, and test it from outside. */
public abstract class OrionDeployment {

    @Deployment(testable = false)
    public static EnterpriseArchive orion() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("orion.ear")));
    }
}
